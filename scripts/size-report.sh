#!/usr/bin/env bash
# Prints the size of the built site's wasm, js, css and html: raw and gzip (-9).
set -euo pipefail
dir=${1:-dist}
printf '%-44s %10s %10s\n' "file" "raw B" "gzip B"
total_raw=0; total_gz=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
printf '%-44s %10d %10d\n' "total (app shell)" "$total_raw" "$total_gz"
