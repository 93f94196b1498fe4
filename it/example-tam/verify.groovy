def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('360 rows read, 355 analysed, 5 excluded for missing values')
assert log.contains('Quality gate: all')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/survey-report/results.json'))
assert results.sample.n == 355
assert results.hypotheses.size() == 5
assert results.hypotheses.every { it.supported }
assert results.cfa.likelihood == 'wishart'
assert new File(basedir, 'target/survey-report/report.pdf').length() > 1000
return true
