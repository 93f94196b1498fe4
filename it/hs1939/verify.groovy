def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('301 rows read, 300 analysed, 1 excluded for missing values')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/survey-report/results.json'))
assert results.sample.n == 300
assert results.sample.excluded == 1
return true
