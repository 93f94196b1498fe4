def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('360 rows read, 354 analysed, 6 excluded for missing values')
assert log.contains('Quality gate: all')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/survey-report/results.json'))
assert results.sample.n == 354
assert results.hypotheses.size() == 7
assert results.hypotheses.collect { it.kind } == ['path'] * 5 + ['indirect', 'interaction']
assert results.differences.size() == 2 && results.mediation.size() == 1 && results.moderation.size() == 1
assert results.regressions[3].steps.size() == 3
assert results.hypotheses.every { it.supported }
assert results.cfa.likelihood == 'wishart'
assert new File(basedir, 'target/survey-report/report.pdf').length() > 1000
return true
