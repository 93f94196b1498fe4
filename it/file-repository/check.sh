#!/usr/bin/env bash
# Follows the README: a research repository made from examples/tam, the plugin deployed into its
# maven-repo/ with the README's command (run as written, taken from the README), committed; a
# clone of it built with an empty local repository. Arguments come from verify.groovy:
#   SRC         the survey-report source tree
#   WORK        a scratch directory
#   MVN         the Maven executable of the outer build
#   OUTER_REPO  the outer build's local repository (the deploy build's plugins; and, when
#               OFFLINE=true, the clone's stand-in for Maven Central)
#   IT_REPO     the ITs' local repository (the deploy build's own)
set -euo pipefail
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"

outer_url="file://$OUTER_REPO"
cat > it-settings.xml <<XML
<settings>
  <profiles><profile>
    <id>outer</id>
    <activation><activeByDefault>true</activeByDefault></activation>
    <repositories><repository><id>outer</id><url>$outer_url</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>outer</id><url>$outer_url</url></pluginRepository></pluginRepositories>
  </profile></profiles>
</settings>
XML
if [ "${OFFLINE:-false}" = true ]; then
  # no network: Maven Central is played by the outer build's local repository
  cat > clone-settings.xml <<XML
<settings><mirrors><mirror><id>outer-central</id><mirrorOf>central</mirrorOf><url>$outer_url</url></mirror></mirrors></settings>
XML
else
  echo '<settings/>' > clone-settings.xml
fi

echo "== a clone of survey-report (its sources)"
mkdir survey-report
tar -C "$SRC" --exclude=target -cf - pom.xml templates survey-report-core survey-report-maven-plugin survey-report-spark site \
  | tar -C survey-report -xf -

echo "== a research repository, started from examples/tam"
STUDY="$WORK/my-study"
mkdir -p "$STUDY"
cp -r "$SRC/examples/tam/pom.xml" "$SRC/examples/tam/src" "$SRC/examples/tam/.mvn" "$STUDY/"
rm -rf "$STUDY/src/site"  # not needed; the report page is enough

echo "== the README's deploy command"
command=$(grep -E '^ *mvn -B deploy .*maven-repo' "$SRC/README.md" | head -1 | sed -e 's/^ *//')
[ -n "$command" ] || { echo "no deploy command in README.md"; exit 1; }
echo "$command"
(cd survey-report && export STUDY && eval "\"\$MVN\" ${command#mvn } -s \"$WORK/it-settings.xml\" -Dmaven.repo.local=\"$IT_REPO\"") > deploy.log 2>&1 \
  || { cat deploy.log; exit 1; }
for a in survey-report-parent survey-report-core survey-report-templates survey-report-maven-plugin; do
  ls "$STUDY"/maven-repo/io/github/surveyreport/$a/*/maven-metadata.xml >/dev/null
done
[ ! -e "$STUDY/maven-repo/io/github/surveyreport/survey-report-site" ] || { echo "the site module was deployed"; exit 1; }
[ ! -e "$STUDY/maven-repo/io/github/surveyreport/survey-report-spark" ] || { echo "the Spark module was deployed"; exit 1; }

echo "== committed, cloned, built with an empty local repository"
git -C "$STUDY" init -q
git -C "$STUDY" add -A
git -C "$STUDY" -c user.name=it -c user.email=it@example.org commit -q -m "study with its plugin"
git clone -q "$STUDY" clone
rm -rf "$STUDY"   # the clone must not reach back into the original
(cd clone && "$MVN" -B -s "$WORK/clone-settings.xml" -Dmaven.repo.local="$WORK/empty-local-repo" verify site) > clone.log 2>&1 \
  || { cat clone.log; exit 1; }

grep -q 'Downloaded from study-maven-repo: file://.*/survey-report-maven-plugin-0' clone.log
grep -q 'Downloaded from study-maven-repo: file://.*/survey-report-core-0' clone.log
grep -q 'Downloaded from study-maven-repo: file://.*/survey-report-templates-0' clone.log
grep -q 'Downloaded from study-maven-repo: file://.*/survey-report-parent-0' clone.log
if grep -E 'Downloaded from [a-z.-]+: .*surveyreport' clone.log | grep -v 'from study-maven-repo'; then
  echo "survey-report came from elsewhere than the study's maven-repo"; exit 1
fi
grep -q 'Quality gate: all' clone.log
test -s clone/target/survey-report/results.json
test -s clone/target/survey-report/report.pdf
grep -q 'report.pdf' clone/target/site/survey-report/index.html
echo "== file-repository check passed"
