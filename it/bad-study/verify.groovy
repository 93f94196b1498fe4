def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('line 4, constructs.A.itmes: unknown key; did you mean items?')
assert log.contains("line 7, constructs.B.reverse: 'B3' is not an item of construct B")
assert log.contains("constructs.B.reverse: reverse coding needs the Likert range")
assert log.contains("hypotheses[1].sign: 'up' must be positive or negative")
assert log.contains("hypotheses[1].path: path A -> B is in no regression")
assert !log.contains('\tat io.github.surveyreport')
return true
