def html = new File(basedir, 'target/survey-report/report.html').getText('UTF-8')
assert html.contains('Lab of Psychometrics · internal report')        // the project's title.ftlx
assert html.contains('Holzinger &amp; Swineford &lt;1939&gt;')          // study labels are data, escaped
assert !html.contains('<1939>')
assert html.contains('Cronbach')                                        // the bundled tables are still there
assert !new File(basedir, 'target/survey-report/report.pdf').exists()   // formats: json,html
return true
