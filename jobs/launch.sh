#!/usr/bin/env bash
# Launches a job definition: jobs/launch.sh jobs/<definition>.conf
# Exit code: the application's (0 ok, 3 inputs refused, 5 already completed, 6 already running…
# see the README).
set -euo pipefail
conf="${1:?usage: jobs/launch.sh <job definition .conf>}"
# shellcheck disable=SC1090
source "$conf"
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${CDS_JAR:-$here/target/cds-remuneration.jar}"

# Settings a definition may give for the database; the others come from the environment.
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-}"
if [ -n "${CDS_DB_URL:-}" ]; then export CDS_DB_URL; fi
if [ "${FRESH_START:-false}" = true ] && [ -n "${DRY_RUN_DIR:-}" ]; then
  rm -rf "${DRY_RUN_DIR:?}/db" "${OUTPUT_DIR:?}"
fi

# JOB: run (the annual run, default) or reprocess.
case "${JOB:-run}" in
  run)
    if [ -z "${EXTRACTION_DATE:-}" ]; then
      echo "EXTRACTION_DATE is not set and cannot be read from ${INPUT_DIR}/patients.csv" >&2
      exit 2
    fi
    args=(run --exercice "$EXERCICE" --input "$INPUT_DIR" --output "$OUTPUT_DIR" --extraction-date "$EXTRACTION_DATE")
    if [ "${PDF:-false}" = true ]; then args+=(--pdf); fi
    ;;
  reprocess)
    args=(reprocess --exercice "$EXERCICE" --output "$OUTPUT_DIR")
    for centre in ${CENTRES:-}; do args+=(--centre "$centre"); done
    if [ -n "${CORRECTED_INPUT_DIR:-}" ]; then
      args+=(--corrected-input "$CORRECTED_INPUT_DIR" --extraction-date "$EXTRACTION_DATE")
    fi
    if [ -n "${NAME:-}" ]; then args+=(--name "$NAME"); fi
    ;;
  *)
    echo "unknown JOB '${JOB}' in $conf (run or reprocess)" >&2
    exit 2
    ;;
esac
if [ -n "${RULES:-}" ]; then args+=(--rules "$RULES"); fi
if [ -n "${RULE_SET:-}" ]; then args+=(--rule-set "$RULE_SET"); fi
echo "$(date '+%F %T') launching: ${args[*]}"
# The parallel collector unless JAVA_OPTS names a collector: a batch wants throughput, and on a
# small machine G1's concurrent threads take CPU from the extract's partitions (national run on
# 2 cores: 49 s against 56-64 s, see the README's National scale).
collector=-XX:+UseParallelGC
case " ${JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) collector= ;; esac
# Class-data sharing (docs/scale.md): the jar extracted next to it (CDS_APP_DIR, default
# <jar's directory>/cds-app) with an archive of the classes a run loads, made once per jar and JVM by
# scripts/cds-archive.sh (a training run on input-samples, 20-60 s, with its own throwaway database),
# halves the CPU of the start. CDS_CLASS_DATA=off launches the jar itself; so does a failure to make
# the archive (e.g. a read-only installation: set CDS_APP_DIR to a writable directory, in which the
# script works in a cds-app subdirectory of its own and touches nothing else).
# Deploy a new jar while no job runs: the next launch extracts it again in place of the old one.
# JIT settings (scripts/jit-options.sh): C1 alone for a re-processing from the frozen snapshot, C2
# later for a run that reads an extract. JAVA_OPTS naming a -XX:Tier… setting keeps its own choice.
# A copy of jobs/ without scripts/ beside it launches with the JVM's defaults.
CDS_JIT_OPTIONS=()
case " ${JAVA_OPTS:-} " in
  *" -XX:Tier"*|*" -XX:-TieredCompilation "*) ;;
  *)
    if [ -f "$here/scripts/jit-options.sh" ]; then
      # shellcheck source=../scripts/jit-options.sh
      source "$here/scripts/jit-options.sh"
      if [ "${JOB:-run}" = reprocess ] && [ -z "${CORRECTED_INPUT_DIR:-}" ]; then cds_jit_options snapshot
      else cds_jit_options run; fi
    else
      echo "scripts/jit-options.sh absent : réglages du compilateur par défaut" >&2
    fi
    ;;
esac
launch_jar="$jar"
class_data=()
if [ "${CDS_CLASS_DATA:-on}" != off ]; then
  app="${CDS_APP_DIR:+$CDS_APP_DIR/cds-app}"
  app="${app:-$(dirname "$jar")/cds-app}"
  if bash "$here/scripts/cds-archive.sh" --if-stale "$jar" "$app" >&2; then
    launch_jar="$app/$(basename "$jar")"
    class_data=(-XX:SharedArchiveFile="$app/cds-remuneration.jsa")
  else
    echo "partage de classes indisponible : lancement du jar sans archive (démarrage plus lent)" >&2
  fi
fi
exec java ${collector} ${CDS_JIT_OPTIONS[@]+"${CDS_JIT_OPTIONS[@]}"} ${class_data[@]+"${class_data[@]}"} ${JAVA_OPTS:-} -jar "$launch_jar" "${args[@]}"
