// the outputs of an earlier, successful run, and the temporary file of a killed one
def out = new File(basedir, 'target/survey-report')
out.mkdirs()
['results.json', 'report.html', 'report.pdf', '.report.pdf4711.tmp'].each { new File(out, it).text = 'old' }
return true
