def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Skipping survey analysis (surveyReport.skip)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/survey-report').exists()
return true
