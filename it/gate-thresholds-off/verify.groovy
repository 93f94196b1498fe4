def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Quality gate: all ')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/survey-report/results.json'))
assert results.passed == true
assert results.checks.every { it.name != 'minAlpha' && it.name != 'requireSupportedHypotheses' }
assert results.checks.find { it.name == 'minKmo' }.limit == 0.5
return true
