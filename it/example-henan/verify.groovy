def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('392 rows read, 385 analysed, 7 excluded for missing values')
assert log.contains('read as GB18030')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/survey-report/results.json'))
assert results.sample.n == 385
assert results.sample.excluded == 7
assert results.provenance.encoding == 'GB18030'
// the README's first command leaves the Word file of the Chinese example
def docx = new java.util.zip.ZipFile(new File(basedir, 'target/survey-report/report.docx'))
def document = docx.getInputStream(docx.getEntry('word/document.xml')).getText('UTF-8')
assert docx.getEntry('word/media/figure1.png') != null
docx.close()
assert document.contains('>表1</w:t>') && document.contains('<w:cantSplit/>')
return true
