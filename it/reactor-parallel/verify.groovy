def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('301 rows read, 300 analysed, 1 excluded for missing values')
assert log.contains('301 rows read, 301 analysed, 0 excluded for missing values')
assert log.contains('No study file at ')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'module-a/target/survey-report/results.json').exists()
assert new File(basedir, 'module-b/target/survey-report/results.json').exists()
assert !new File(basedir, 'module-c/target/survey-report').exists()
return true
