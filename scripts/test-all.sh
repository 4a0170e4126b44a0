#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: installs what it needs, then lint, types,
# build, and every test (unit, API, Chromium). Ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive: chromium (browser tests), poppler-utils (pdftotext, pdfinfo,
# pdftoppm read the PDF briefing pack back), gdal-bin (ogrinfo, ogr2ogr: the OGC API's real client).
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
missing=()
command -v /usr/bin/chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
# postgresql: the record store's tests run against Debian's PostgreSQL server as well as the embedded one.
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== PostgreSQL for the store tests"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  $SUDO pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
# shellcheck disable=SC2086
$SUDO pg_ctlcluster $cluster start 2>/dev/null || true
me=$(id -un)
# A role for this user over the local socket (peer authentication: no password anywhere), allowed to
# create the throw-away databases the tests make and drop.
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'")" != "1" ]; then
  as_postgres createuser --createdb "$me"
fi
export TEST_DATABASE_URL="postgresql://$me@localhost/postgres?host=/var/run/postgresql"

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== lint (biome check: lint rules and formatting)"
npx biome check .

echo "== dead code (knip: unused files, exports, dependencies)"
npx knip --no-progress

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
