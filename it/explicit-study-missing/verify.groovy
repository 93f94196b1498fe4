def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('nope.yaml (surveyReport.study) does not exist')
return true
