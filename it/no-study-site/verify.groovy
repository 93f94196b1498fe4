def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('No study file at ')
assert log.contains('BUILD SUCCESS')
return true
