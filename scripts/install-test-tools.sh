#!/usr/bin/env bash
# What the test command (`mvn -B verify`) needs beyond Java and Maven: the browser tests drive
# Debian's Chromium through Debian's chromedriver, render PDFs with pdftoppm, and open the CSV files
# and workbooks in LibreOffice Calc (headless) as a French user does. Installs the
# missing Debian packages when it can (root, or password-less sudo). .ci/run calls it before the
# tests; on a developer machine run it once (the build itself installs nothing).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing test tools from Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "The browser, PDF and spreadsheet tests need the Debian packages: ${missing[*]}. Install them (apt-get install ${missing[*]}) or run the build as root." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
