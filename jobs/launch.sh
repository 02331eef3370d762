#!/usr/bin/env bash
# Launches a job definition: jobs/launch.sh jobs/annual-run.conf
# Exit code: the application's (0 ok, 3 inputs refused, 5 already completed… see README).
set -euo pipefail
conf="${1:?usage: jobs/launch.sh <job definition .conf>}"
# shellcheck disable=SC1090
source "$conf"
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${CDS_JAR:-$here/target/cds-remuneration.jar}"
case "${JOB:-run}" in
	run)
		args=(run --exercice "$EXERCICE" --input "$INPUT_DIR" --output "$OUTPUT_DIR" --extraction-date "$EXTRACTION_DATE")
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
exec java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}"
