#!/usr/bin/env bash
# Packs pkg/ with npm pack, installs it in a fresh project outside the repository, and
# checks it there: a Node.js script with initSync, a tsc --strict consumer, and a Vite
# app built and opened in Chromium.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/fc-npm.XXXXXX)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$work" && npm pack --silent "$repo/pkg" | tail -1)
cd "$work"
cat > package.json <<JSON
{ "name": "fc-consumer", "private": true, "type": "module" }
JSON
npm install --silent --no-audit --no-fund "./$tarball" vite@^8 typescript@^5.9 >/dev/null
cp "$repo/tests/npm/node.test.mjs" .
node --test node.test.mjs
cp "$repo"/tests/npm/ts/* .
npx tsc -p tsconfig.json
# The README's examples, with the default lib.
npx tsc -p tsconfig.readme.json
echo "tsc --strict: ok"
mkdir app && cp "$repo"/tests/npm/app/* app/
npx vite build app --outDir ../dist --logLevel warn
node "$repo/tests/npm/check-app.mjs" "$work/dist"
