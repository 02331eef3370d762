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
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    fr.cds.remuneration.bench.BenchmarkMain "$@"
