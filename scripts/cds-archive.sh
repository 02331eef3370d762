#!/usr/bin/env bash
# Class-data sharing for the production jar (issue 21: JVM and Spring start before the first step).
# Extracts the jar (Spring Boot's `jarmode=tools extract`: CDS cannot map classes out of nested jars),
# then records the classes one annual run on the sample inputs loads into a CDS archive. Launch with
# the archive afterwards:
#   java -XX:SharedArchiveFile=target/cds-app/cds-remuneration.jsa -jar target/cds-app/cds-remuneration.jar run ...
# The archive is tied to this JVM build and this jar: make it again after either changes (a stale
# archive is ignored by the JVM with a warning, never wrong).
#   bash scripts/cds-archive.sh [JAR] [DESTINATION]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/cds-remuneration.jar}
dest=${2:-target/cds-app}
rm -rf "$dest"
java -Djarmode=tools -jar "$jar" extract --destination "$dest"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# the training run: every step of an annual run, on its own throwaway ledger
status=0
CDS_HOME="$training/home" java -XX:ArchiveClassesAtExit="$dest/cds-remuneration.jsa" \
    -jar "$dest/$(basename "$jar")" run --exercice 2024 --input input-samples --output "$training/output" \
    --extraction-date 2025-02-14 > "$training/run.log" 2>&1 || status=$?
if [ ! -s "$dest/cds-remuneration.jsa" ]; then
    echo "no archive written (training run exit $status):" >&2
    tail -20 "$training/run.log" >&2
    exit 1
fi
echo "archive $dest/cds-remuneration.jsa (training run exit $status); launch with:"
echo "  java -XX:SharedArchiveFile=$dest/cds-remuneration.jsa -jar $dest/$(basename "$jar") <command>"
