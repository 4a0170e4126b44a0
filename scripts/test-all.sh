#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: installs what it needs, then lint, types,
# build, and every test (unit, API, Chromium). Ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive: chromium (browser tests), poppler-utils (pdftotext, pdfinfo,
# pdftoppm read the PDF briefing pack back), gdal-bin (ogrinfo, ogr2ogr: the OGC API's real client).
missing=()
command -v /usr/bin/chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== lint"
npx biome lint .

echo "== typecheck"
npx tsc --noEmit

echo "== build"
npm run build --silent

echo "== tests"
mkdir -p test/artifacts
status=0
npx vitest run --reporter=default --reporter=json --outputFile=test/artifacts/vitest-results.json || status=$?
node scripts/print-test-summary.mjs test/artifacts/vitest-results.json || status=1
exit "$status"
