#!/usr/bin/env bash
# Rebuild resources/phone/vendor/yjs-bundle.js, the Yjs client the phone page runs, from Debian's packages
# (node-yjs, node-y-protocols, node-lib0, bundled with Debian's esbuild): one file, no CDN, nothing fetched
# at run time. Only a maintainer upgrading Yjs runs this; the result is committed.
#
#   apt-get install -y node-yjs node-y-protocols node-lib0 esbuild
#   bash packaging/build_phone_vendor.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v esbuild >/dev/null || { echo "esbuild not found (apt-get install esbuild)" >&2; exit 2; }
versions="$(dpkg-query -W -f '${Package} ${Version}\n' node-yjs node-y-protocols node-lib0 esbuild)" ||
    { echo "install node-yjs node-y-protocols node-lib0 esbuild first" >&2; exit 2; }
out=resources/phone/vendor/yjs-bundle.js
NODE_PATH=/usr/share/nodejs esbuild packaging/phone_vendor/entry.js --bundle --format=iife \
    --global-name=YjsBundle --platform=browser --target=es2018 --minify --log-level=warning --outfile="$out.tmp"
{
    printf '/*! Yjs, y-protocols and lib0 by Kevin Jahns, MIT licence (see LICENSE.txt beside this file).\n'
    printf ' * Bundled by packaging/build_phone_vendor.sh from the Debian packages:\n'
    printf '%s\n' "$versions" | sed 's/^/ *   /'
    printf ' */\n'
    cat "$out.tmp"
} >"$out"
rm -f "$out.tmp"
echo "wrote $out ($(wc -c <"$out") bytes)"
