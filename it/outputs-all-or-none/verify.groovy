def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('noSuchValueInThePdf') : log
def out = new File(basedir, 'target/survey-report')
// none of this run's outputs (no new JSON and HTML beside a missing PDF), none of the old ones
assert out.list().toList().isEmpty() : out.list().toList()
assert !log.contains('\tat io.github.surveyreport')
return true
