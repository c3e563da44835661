#!/usr/bin/env bash
# Regenerates validate-manifests.bundle.mjs from the pinned npm packages in package-lock.json (needs npm and the
# npm registry). The tests use only the committed bundle and node; nothing is downloaded when they run.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx --no-install esbuild validate-manifests.mjs \
  --bundle --minify --platform=node --format=esm --target=node18 --legal-comments=eof \
  --alias:re2-wasm=./re2-shim.mjs \
  --banner:js='import{createRequire as __alertwireRequire}from"node:module";const require=__alertwireRequire(import.meta.url);' \
  --outfile=validate-manifests.bundle.mjs
rm -rf node_modules
