#!/usr/bin/env bash
# Class-data sharing for the production jar (issue 21: JVM and Spring start before the first step).
# Extracts the jar (Spring Boot's `jarmode=tools extract`: CDS cannot map classes out of nested jars),
# then records the classes one annual run on the sample inputs loads into a CDS archive
# (-XX:ArchiveClassesAtExit: Java 17 has no -XX:+AutoCreateSharedArchive, which came with JDK 19).
# jobs/launch.sh and scripts/benchmark.sh launch this way by default, through --if-stale:
#   java -XX:SharedArchiveFile=target/cds-app/cds-remuneration.jsa -jar target/cds-app/cds-remuneration.jar run ...
# The archive is tied to this JVM build and this jar: --if-stale makes it again when either changed
# since (the jar's size and time, the JVM's path and its modules file, kept in source.txt), and does
# nothing otherwise. A stale archive given to the JVM is ignored with a warning, never wrong.
#   bash scripts/cds-archive.sh [--if-stale] [JAR] [DESTINATION]
# The training run has an environment of its own (a throwaway CDS_HOME and H2 database): it never
# sees the operator's CDS_DB_URL, profiles or directories.
set -euo pipefail
cd "$(dirname "$0")/.."
if_stale=false
if [ "${1:-}" = --if-stale ]; then if_stale=true; shift; fi
jar=${1:-target/cds-remuneration.jar}
dest=${2:-target/cds-app}
java_bin=$(readlink -f "$(command -v java)")
modules="$(dirname "$(dirname "$java_bin")")/lib/modules"
source_of() {
    echo "jar $(readlink -f "$jar") $(stat -c '%s %Y' "$jar")"
    echo "java $java_bin $(stat -c '%s %Y' "$modules" 2>/dev/null || echo none)"
}
fresh() {
    [ -s "$dest/cds-remuneration.jsa" ] && [ "$(cat "$dest/source.txt" 2>/dev/null)" = "$(source_of)" ]
}
if $if_stale && fresh; then
    exit 0
fi
# One maker at a time (two launches at once); the archive names the jar's path, so it is made in
# place, and source.txt, written last, says it is complete.
mkdir -p "$(dirname "$dest")"
exec 9> "$dest.lock"
flock 9
if $if_stale && fresh; then
    exit 0
fi
if $if_stale; then echo "Préparation du partage de classes (une fois par jar) dans $dest ..."; fi
rm -rf "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar "$jar" extract --destination "$dest" > "$work/extract.log"
# the training run: every step of an annual run, on its own throwaway ledger, with the launch's
# collector and heap settings
status=0
env -i PATH="$PATH" HOME="$work" CDS_HOME="$work/home" \
    java -XX:+UseParallelGC -Xmx512m -XX:ArchiveClassesAtExit="$dest/cds-remuneration.jsa" \
    -jar "$dest/$(basename "$jar")" run --exercice 2024 --input input-samples --output "$work/output" \
    --extraction-date 2025-02-14 > "$work/run.log" 2>&1 || status=$?
if [ ! -s "$dest/cds-remuneration.jsa" ]; then
    echo "no archive written (training run exit $status):" >&2
    tail -20 "$work/run.log" >&2
    rm -rf "$dest"
    exit 1
fi
source_of > "$dest/source.txt"
if ! $if_stale; then
    echo "archive $dest/cds-remuneration.jsa (training run exit $status); launch with:"
    echo "  java -XX:SharedArchiveFile=$dest/cds-remuneration.jsa -jar $dest/$(basename "$jar") <command>"
fi
