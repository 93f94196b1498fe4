def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("data.csv line 3, column A2 (C): 'abc' is not a number")
assert log.contains("data.csv line 4, column A1 (B): '7' is outside the scale 1–5") || log.contains("data.csv line 4, column A1 (B): '7' is outside the scale 1")
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.github.surveyreport')
assert !log.contains('Exception:')
assert !new File(basedir, 'target/survey-report/results.json').exists()
return true
