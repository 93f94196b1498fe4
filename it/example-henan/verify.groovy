def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('392 rows read, 385 analysed, 7 excluded for missing values')
assert log.contains('read as GB18030')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/survey-report/results.json'))
assert results.sample.n == 385
assert results.sample.excluded == 7
assert results.provenance.encoding == 'GB18030'
return true
