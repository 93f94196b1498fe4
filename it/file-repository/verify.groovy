// check.sh does the work (see there); it needs bash and git, as .ci/run's machines have
def work = new File(basedir, 'work')
def log = new File(basedir, 'check.log')
def pb = new ProcessBuilder('bash', new File(basedir, 'check.sh').path)
pb.environment().putAll([
        SRC       : new File(sourceRoot).canonicalPath,
        WORK      : work.path,
        MVN       : new File(mavenHome, 'bin/mvn').path,
        OUTER_REPO: new File(outerRepository).canonicalPath,
        IT_REPO   : new File(localRepositoryPath.toString()).canonicalPath,
        OFFLINE   : String.valueOf(offline == 'offline=true'),
])
pb.redirectErrorStream(true).redirectOutput(log)
int exit = pb.start().waitFor()
def out = log.getText('UTF-8')
println out
assert exit == 0 : 'check.sh failed (see above and ' + work + ')'
assert out.contains('== file-repository check passed')
return true
