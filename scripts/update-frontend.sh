#!/usr/bin/env bash
# Installs the npm front-end libraries pinned in src/AiEngineer.Web/package.json and copies what the site serves into
# wwwroot/lib. The copied files are committed, so building and running the site never needs npm or a CDN.
set -euo pipefail
cd "$(dirname "$0")/../src/AiEngineer.Web"
npm install --no-audit --no-fund --ignore-scripts
mkdir -p wwwroot/lib/chart.js/dist
cp node_modules/chart.js/dist/chart.umd.min.js wwwroot/lib/chart.js/dist/
cp node_modules/chart.js/LICENSE.md wwwroot/lib/chart.js/
echo "Copied chart.js $(node -p "require('./node_modules/chart.js/package.json').version") to wwwroot/lib/chart.js"
mkdir -p wwwroot/lib/signalr/dist/browser
cp node_modules/@microsoft/signalr/dist/browser/signalr.min.js wwwroot/lib/signalr/dist/browser/
# The package ships no licence file; its package.json says MIT (Copyright .NET Foundation and Contributors).
printf '@microsoft/signalr %s: MIT licence, Copyright (c) .NET Foundation and Contributors.\nhttps://github.com/dotnet/aspnetcore/blob/main/LICENSE.txt\n' \
  "$(node -p "require('./node_modules/@microsoft/signalr/package.json').version")" > wwwroot/lib/signalr/LICENSE.txt
echo "Copied @microsoft/signalr $(node -p "require('./node_modules/@microsoft/signalr/package.json').version") to wwwroot/lib/signalr"
