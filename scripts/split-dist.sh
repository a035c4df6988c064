#!/bin/sh
# For the spike's browser tests only: puts a split build's UI module (made
# by scripts/split-build.sh split OUT) into a copy of a Trunk release build,
# in place of its UI module and glue, beside the chunks and __wasm_split.js.
# The bundler's renaming of imports is not applied (the glue is wasm-bindgen's).
#   scripts/split-dist.sh TRUNK_DIST SPLIT_OUT DEST
set -eu
src=$1 split=$2 dest=$3
rm -rf "$dest" && cp -r "$src" "$dest"
glue=$(cd "$dest" && ls | grep -E '^cornerstone-[0-9a-f]{8,16}\.js$')
cp "$split/cornerstone.js" "$dest/$glue"
cp "$split/cornerstone_bg.wasm" "$dest/${glue%.js}_bg.wasm"
sed "s#\"./cornerstone.js\"#\"./$glue\"#" "$split/__wasm_split.js" >"$dest/__wasm_split.js"
for f in "$split"/*.wasm; do
    case $(basename "$f") in cornerstone_bg.wasm) ;; *) cp "$f" "$dest/" ;; esac
done
