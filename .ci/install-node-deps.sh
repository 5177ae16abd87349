#!/usr/bin/env bash
# Installs what the Adaptive Card tests run as oracles: Microsoft's adaptivecards-templating 2.3.1 and
# adaptivecards 3.0.6 (plus playwright-core for the screenshots), exactly as pinned by
# src/test/node/package-lock.json. Safe to run again: npm ci starts from a clean node_modules each time.
#
#   .ci/install-node-deps.sh              # npm packages only (what `./mvnw test` needs)
#   .ci/install-node-deps.sh --chromium   # also Debian's chromium, for src/test/node/render-cards.js
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install-node-deps: node and npm are required (Node 20); the card conformance tests fail in CI without them" >&2
  exit 1
fi

npm ci --prefix src/test/node --no-audit --no-fund --loglevel=error

if [[ "${1:-}" == "--chromium" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  fi
  chromium --version
fi
echo "install-node-deps: node $(node --version), oracle packages installed in src/test/node/node_modules"
