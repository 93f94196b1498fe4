def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('data.file: ') : log
assert log.contains('cannot be used as a file name by this Java process') : log
assert log.contains('Run the build under a UTF-8 locale (e.g. export LC_ALL=C.UTF-8') : log
assert !log.contains('Malformed input or input contains unmappable characters') : log
assert !log.contains('\tat io.github.surveyreport')
return true
