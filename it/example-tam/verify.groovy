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
// the default formats include the Word file (APA tables); LaTeX only when asked for
def docx = new java.util.zip.ZipFile(new File(basedir, 'target/survey-report/report.docx'))
def document = docx.getInputStream(docx.getEntry('word/document.xml')).getText('UTF-8')
docx.close()
assert document.contains('>Table 1</w:t>') && document.contains('<w:tblHeader/>')
assert !new File(basedir, 'target/survey-report/report.tex').exists()
return true
