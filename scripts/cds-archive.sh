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
# The training run has an environment of its own (a throwaway CDS_HOME and H2 database, run from a
# throwaway directory with the jar's own configuration only): it never sees the operator's
# CDS_DB_URL, profiles, ./application.properties or directories.
# DESTINATION belongs to this script: it is created with a marker file, and a directory that exists
# without the marker (and is not empty) is refused, never emptied: an operator who names their
# installation or CDS_HOME there loses nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if_stale=false
if [ "${1:-}" = --if-stale ]; then if_stale=true; shift; fi
jar=$(readlink -f "${1:-target/cds-remuneration.jar}")
dest=$(readlink -m "${2:-target/cds-app}")
samples="$PWD/input-samples"
marker=.cds-archive-directory
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
# (a directory made by this script before the marker existed holds its source.txt)
if [ -d "$dest" ] && [ ! -e "$dest/$marker" ] && [ ! -e "$dest/source.txt" ] && [ -n "$(ls -A "$dest")" ]; then
    echo "partage de classes : $dest existe, n'est pas vide et n'a pas été créé par ce script ; il n'est pas modifié" \
        "(choisissez un répertoire à lui seul, par exemple un sous-répertoire cds-app)" >&2
    exit 1
fi
if $if_stale; then echo "Préparation du partage de classes (une fois par jar) dans $dest ..."; fi
rm -rf "$dest"
mkdir -p "$dest"
touch "$dest/$marker"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar "$jar" extract --force --destination "$dest" > "$work/extract.log"
# the training run: every step of an annual run, on its own throwaway ledger, with the launch's
# collector and heap settings
status=0
(cd "$work" && env -i PATH="$PATH" HOME="$work" CDS_HOME="$work/home" \
    java -XX:+UseParallelGC -Xmx512m -XX:ArchiveClassesAtExit="$dest/cds-remuneration.jsa" \
    -Dspring.config.location=classpath:/application.properties \
    -jar "$dest/$(basename "$jar")" run --exercice 2024 --input "$samples" --output "$work/output" \
    --extraction-date 2025-02-14 > "$work/run.log" 2>&1) || status=$?
# an archive is kept only from a training run that went through (0, or 8: completed with held centres)
if [ "$status" != 0 ] && [ "$status" != 8 ]; then
    rm -f "$dest/cds-remuneration.jsa"
fi
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
