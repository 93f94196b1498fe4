def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("data.csv line 1: the column 'A3' is not in the header (the study file uses it as an item of construct A); did you mean 'a3'?")
assert log.contains("The header's columns are: id, A1, A2, a3")
assert !log.contains('\tat io.github.surveyreport')
return true
