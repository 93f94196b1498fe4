#!/usr/bin/env bash
# survey-report benchmark (issue 6): engine throughput, whole `mvn verify` and the R and Python
# pipelines on the same files. Prints a markdown table (also written to
# benchmark/target/results.md). Run from anywhere:
#
#   benchmark/run.sh                  # everything (about 15 minutes; needs ~4 GB of disk for data)
#   benchmark/run.sh --quick          # 10^4..10^6 rows only, no 10^7 files
#   benchmark/run.sh --no-build       # reuse the installed plugin and core
#
# Needs JDK 17+, Maven, /usr/bin/time (apt-get install time), and for the comparison
# Rscript with psych and car (apt-get install r-base-core r-cran-psych r-cran-car) and
# /usr/bin/python3 with pandas, numpy, scipy and statsmodels (apt-get install python3-pandas
# python3-numpy python3-statsmodels). A missing R or Python is skipped.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIZES="10000 100000 1000000 10000000"
BUILD=1
PROCESS_RUNS=${PROCESS_RUNS:-5}
REFERENCE_RUNS=${REFERENCE_RUNS:-3}
for arg in "$@"; do
  case "$arg" in
    --quick) SIZES="10000 100000 1000000" ;;
    --no-build) BUILD=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

if [ "$BUILD" = 1 ]; then
  echo "== building and installing the plugin and the core" >&2
  (cd "$ROOT" && mvn -B -q install -DskipTests -Dinvoker.skip=true)
fi
(cd "$BENCH" && mvn -B -q package)
CP="$BENCH/target/classes:$(ls "$BENCH"/target/lib/*.jar | tr '\n' ':')"
DATA="$BENCH/target/data"

echo "== generating data (not timed)" >&2
for items in 17 50; do
  for rows in $SIZES; do
    dir="$DATA/likert$items-$rows"
    [ -f "$dir/src/survey/responses.csv" ] || java -cp "$CP" io.github.surveyreport.benchmark.Generate "$dir" "$items" "$rows"
  done
done

echo "== engine, in-process, warm, -Xmx256m" >&2
ENGINE_DIRS=""
for items in 17 50; do for rows in $SIZES; do ENGINE_DIRS="$ENGINE_DIRS $DATA/likert$items-$rows"; done; done
ENGINE_OUT="$BENCH/target/engine.txt"
# shellcheck disable=SC2086
java -Xmx256m -cp "$CP" io.github.surveyreport.benchmark.EngineBench --runs 5 $ENGINE_DIRS | tee "$ENGINE_OUT" >&2

echo "== measurement model (cfa), in-process, warm, pairs without and with cfa" >&2
MEASUREMENT_OUT="$BENCH/target/measurement.txt"
java -Xmx256m -cp "$CP" io.github.surveyreport.benchmark.MeasurementBench --runs 9 \
  "$DATA/likert17-10000" "$DATA/likert17-1000000" "$DATA/likert50-10000" "$DATA/likert50-1000000" \
  | tee "$MEASUREMENT_OUT" >&2

echo "== structural analyses (differences, hierarchical regression, mediation, moderation), in-process, warm" >&2
STRUCTURAL_OUT="$BENCH/target/structural.txt"
java -Xmx256m -cp "$CP" io.github.surveyreport.benchmark.StructuralBench --runs 5 \
  "$DATA/likert17-10000" "$DATA/likert17-1000000" | tee "$STRUCTURAL_OUT" >&2
if command -v Rscript > /dev/null && Rscript -e 'library(car); library(boot)' > /dev/null 2>&1; then
  echo "== R, the same structural analyses, 20 bootstrap resamples scaled to 5000" >&2
  Rscript "$BENCH/r/structural.R" "$DATA/likert17-1000000/src/survey/responses.csv" \
    "$DATA/likert17-1000000/constructs.txt" 20 | tee -a "$STRUCTURAL_OUT" >&2
fi

echo "== Spark engine in local mode (survey-report-spark), in-process, warm" >&2
SPARK_OUT="$BENCH/target/spark.txt"
SPARK_CP="$CP:$(ls "$BENCH"/target/spark-lib/*.jar | tr '\n' ':')"
java -Xmx4g --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -cp "$SPARK_CP" io.github.surveyreport.benchmark.SparkBench --runs 3 \
  "$DATA/likert17-10000" "$DATA/likert17-1000000" | tee "$SPARK_OUT" >&2

median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# runs "$@" REPEAT times; prints "median-wall-seconds max-rss-MiB"
measure() {
  local repeat=$1; shift
  local out; out="$(mktemp)"
  local walls=() rss=0
  for _ in $(seq "$repeat"); do
    "$TIME" -f "%e %M" -o "$out" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; cat "$out" >&2; return 1; }
    read -r wall kb < <(tail -1 "$out")
    walls+=("$wall")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  rm -f "$out"
  echo "$(median_of "${walls[@]}") $((rss / 1024))"
}

echo "== whole process: mvn -B -q -o verify ($PROCESS_RUNS runs each, interleaved)" >&2
EMPTY="$BENCH/target/empty-project"
mkdir -p "$EMPTY"
sed -e '/<build>/,/<\/build>/d' "$DATA/likert17-10000/pom.xml" > "$EMPTY/pom.xml"
read -r EMPTY_WALL EMPTY_RSS < <(cd "$EMPTY" && measure "$PROCESS_RUNS" mvn -B -q -o verify)
read -r MVN4_WALL MVN4_RSS < <(cd "$DATA/likert17-10000" && measure "$PROCESS_RUNS" mvn -B -q -o verify -DsurveyReport.formats=json)

# json only against json + HTML + PDF on the 10^6-row study, run in pairs so that both see the
# same machine; the reports' cost is the median of the pairs' differences. Runs with the given
# JVM options for Maven (`-` for none) and prints "json-median full-median reports-median
# json-max-RSS full-max-RSS"; the single times go to stderr.
measure_pairs() {
  local options=$1 json_walls=() full_walls=() diffs=() json_rss=0 full_rss=0 wall rss
  local env=(env)
  [ "$options" = - ] || env+=("MAVEN_OPTS=$options")
  for _ in $(seq "$PROCESS_RUNS"); do
    read -r wall rss < <(cd "$MILLION" && measure 1 "${env[@]}" mvn -B -q -o verify -DsurveyReport.formats=json)
    json_walls+=("$wall"); [ "$rss" -gt "$json_rss" ] && json_rss=$rss
    read -r wall rss < <(cd "$MILLION" && measure 1 "${env[@]}" mvn -B -q -o verify -DsurveyReport.formats=json,html,pdf)
    full_walls+=("$wall"); [ "$rss" -gt "$full_rss" ] && full_rss=$rss
    diffs+=("$(awk -v a="$wall" -v b="${json_walls[-1]}" 'BEGIN {printf "%.2f", a - b}')")
  done
  echo "   json: ${json_walls[*]}; json,html,pdf: ${full_walls[*]}; differences: ${diffs[*]}" >&2
  echo "$(median_of "${json_walls[@]}") $(median_of "${full_walls[@]}") $(median_of "${diffs[@]}") $json_rss $full_rss"
}

MILLION="$DATA/likert17-1000000"
read -r MVN6_WALL FULL_WALL REPORTS_WALL MVN6_RSS FULL_RSS < <(measure_pairs -)

# the same pairs with Maven's JVM limited to the C1 compiler, as `.mvn/jvm.config` can set it for
# a research project: a build of a few seconds does not earn back what C2 compiles
echo "== the same pairs with MAVEN_OPTS=-XX:TieredStopAtLevel=1" >&2
read -r C1_JSON_WALL C1_FULL_WALL C1_REPORTS_WALL _ _ < <(measure_pairs -XX:TieredStopAtLevel=1)

R_WALL="-"; R_RSS="-"; PY_WALL="-"; PY_RSS="-"
if command -v Rscript > /dev/null && Rscript -e 'library(psych); library(car)' > /dev/null 2>&1; then
  echo "== R (psych + car), $REFERENCE_RUNS runs" >&2
  read -r R_WALL R_RSS < <(measure "$REFERENCE_RUNS" Rscript "$BENCH/r/pipeline.R" "$MILLION/src/survey/responses.csv" "$MILLION/constructs.txt")
fi
if /usr/bin/python3 -c 'import pandas, numpy, scipy, statsmodels' > /dev/null 2>&1; then
  echo "== Python (pandas + numpy + statsmodels), $REFERENCE_RUNS runs" >&2
  read -r PY_WALL PY_RSS < <(measure "$REFERENCE_RUNS" /usr/bin/python3 "$BENCH/python/pipeline.py" "$MILLION/src/survey/responses.csv" "$MILLION/constructs.txt")
fi

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo
  echo "Engine, \`SurveyAnalysis.run(studyFile)\` in one JVM (-Xmx256m), warm, median of 5 runs:"
  echo
  echo "| items | rows | file MB | median s | rows/s | MB/s |"
  echo "|---:|---:|---:|---:|---:|---:|"
  grep '^likert' "$ENGINE_OUT" | awk '{split($1, a, "-"); sub("likert", "", a[1]); printf "| %s | %\047d | %.1f | %.3f | %\047d | %.0f |\n", a[1], $2, $3, $4, $5, $6}'
  echo
  echo "The measurement model (\`cfa:\`: the CFA, the one-factor model, the RMSEA interval), \`SurveyAnalysis.run\` without and with it, warm, median of 9 pairs:"
  echo
  echo "| items | rows | without s | with s | the CFA adds ms | χ² / df / CFI |"
  echo "|---:|---:|---:|---:|---:|---|"
  grep '^likert' "$MEASUREMENT_OUT" | awk '{split($1, a, "-"); sub("likert", "", a[1]); printf "| %s | %\047d | %.3f | %.3f | %.1f | %s %s %s %s %s |\n", a[1], $2, $3, $4, $5, $6, $7, $8, $9, $10}'
  echo
  echo "Whole process on the 17-item file (median of $PROCESS_RUNS; R and Python median of $REFERENCE_RUNS), peak resident memory from /usr/bin/time:"
  echo
  echo "| pipeline | rows | wall s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  echo "| \`mvn -B -q -o verify\` of an empty pom project | - | $EMPTY_WALL | $EMPTY_RSS |"
  echo "| \`mvn -B -q -o verify -DsurveyReport.formats=json\` | 10,000 | $MVN4_WALL | $MVN4_RSS |"
  echo "| \`mvn -B -q -o verify -DsurveyReport.formats=json\` | 1,000,000 | $MVN6_WALL | $MVN6_RSS |"
  echo "| \`mvn -B -q -o verify\` (json, HTML and PDF) | 1,000,000 | $FULL_WALL | $FULL_RSS |"
  echo "| the same, json only, Maven's JVM with \`-XX:TieredStopAtLevel=1\` | 1,000,000 | $C1_JSON_WALL | - |"
  echo "| the same, json, HTML and PDF, with \`-XX:TieredStopAtLevel=1\` | 1,000,000 | $C1_FULL_WALL | - |"
  echo "| R 4 (psych + car), \`benchmark/r/pipeline.R\` | 1,000,000 | $R_WALL | $R_RSS |"
  echo "| Python 3 (pandas + numpy + statsmodels), \`benchmark/python/pipeline.py\` | 1,000,000 | $PY_WALL | $PY_RSS |"
  echo
  echo "The HTML and PDF reports add $REPORTS_WALL s (median of the $PROCESS_RUNS pairs' differences; target: at most 2 s);"
  echo "with Maven's JVM limited to C1 (\`-XX:TieredStopAtLevel=1\` in \`.mvn/jvm.config\`), $C1_REPORTS_WALL s."
} | tee "$BENCH/target/results.md"
