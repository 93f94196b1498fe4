def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('Generating "Survey report" report')
for (dir in ['target/site', 'target/site/zh_CN']) {
    def page = new File(basedir, dir + '/survey-report/index.html')
    assert page.isFile() : page
    assert new File(basedir, dir + '/survey-report/report.pdf').length() > 1000
    assert new File(basedir, dir + '/survey-report/results.json').isFile()
    assert page.getText('UTF-8').contains('href="report.pdf"')
}
// the goal run on its own writes under target/reports, as maven-reporting-impl 4 reports do
assert new File(basedir, 'target/reports/survey-report/index.html').isFile()
assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8').contains('survey-report/index.html')
return true
