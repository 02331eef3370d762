#!/usr/bin/env bash
# The benchmark (issue 21): this project's annual job (the production jar), DuckDB's two queries and
# the textbook Spring Batch job on the same generated national file, each in its own JVM, alternating.
# The benchmark's code and DuckDB live in src/bench (compiled with the tests), never in the production
# jar. Options: --help (e.g. --input DIR --rounds 3 --skip-textbook).
#   bash scripts/benchmark.sh --rounds 2 --skip-textbook
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
# Our run is measured the way jobs/launch.sh ships it: the extracted jar with its class-data archive
# (scripts/cds-archive.sh, made again only when the jar changed). --jar JAR measures that jar instead,
# as it is given; CDS_CLASS_DATA=off measures the production jar itself.
shipped=()
case " $* " in
  *" --jar "*|*" --jar="*) ;;
  *)
    if [ "${CDS_CLASS_DATA:-on}" != off ]; then
      bash scripts/cds-archive.sh --if-stale target/cds-remuneration.jar target/cds-app
      shipped=(--jar target/cds-app/cds-remuneration.jar
        --jvm-option=-XX:SharedArchiveFile=target/cds-app/cds-remuneration.jsa)
      # and with the shipped JIT settings of a run (scripts/jit-options.sh)
      source scripts/jit-options.sh
      cds_jit_options run
      for option in "${CDS_JIT_OPTIONS[@]}"; do shipped+=(--jvm-option="$option"); done
    fi
    ;;
esac
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    fr.cds.remuneration.bench.BenchmarkMain ${shipped[@]+"${shipped[@]}"} "$@"
