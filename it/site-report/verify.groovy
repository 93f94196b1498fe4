def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('Generating "Survey report" report')
for (dir in ['target/site', 'target/site/zh_CN']) {
    def page = new File(basedir, dir + '/survey-report/index.html')
    assert page.isFile() : page
    assert new File(basedir, dir + '/survey-report/report.pdf').length() > 1000
    assert new File(basedir, dir + '/survey-report/results.json').isFile()
    assert new File(basedir, dir + '/survey-report/report.docx').length() > 1000
    def html = page.getText('UTF-8')
    assert html.contains('href="report.pdf"')
    assert html.contains('href="results.json"')
    assert html.contains('href="report.docx"')
    // inside the site's skin (the default, Fluido) and navigation, the report's styles scoped to it
    assert html.contains('css/apache-maven-fluido-')
    assert html.contains('../project-reports.html') || html.contains('project-reports.html')
    assert html.contains('<div class="survey-report-page">')
    assert html.contains('.survey-report-page > div.html {')
    assert !html.contains('@page')
}
// the goal run on its own writes the standalone page under target/reports, as maven-reporting-impl 4 reports do
def standalone = new File(basedir, 'target/reports/survey-report/index.html')
assert standalone.isFile()
assert standalone.getText('UTF-8').contains('<body class="html')
assert !standalone.getText('UTF-8').contains('fluido')
assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8').contains('survey-report/index.html')
return true
