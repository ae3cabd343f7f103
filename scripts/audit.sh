#!/usr/bin/env bash
# Lighthouse audit of the built site (dist/): the home page and an opened example, served on
# 127.0.0.1, in Debian's Chromium. Prints performance / accessibility / best-practices scores
# and writes the JSON reports to bench-results/. Installs lighthouse (npm) into .tools/lighthouse.
set -euo pipefail
cd "$(dirname "$0")/.."
LH_DIR=.tools/lighthouse
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$LH_DIR"
  [ -f "$LH_DIR/package.json" ] || echo '{"private": true}' > "$LH_DIR/package.json"
  npm install --silent --no-audit --no-fund --prefix "$LH_DIR" lighthouse@12
fi
mkdir -p bench-results
PORT=${AUDIT_PORT:-8765}
python3 scripts/serve_gzip.py "$PORT" dist &
server=$!
trap 'kill $server' EXIT
sleep 1
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync"
for page in home example; do
  url="http://127.0.0.1:$PORT/"
  [ "$page" = example ] && url="http://127.0.0.1:$PORT/?src=roadmaps/sacred-shifter-implementation-plan.md"
  "$LH_DIR/node_modules/.bin/lighthouse" "$url" --quiet --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices \
    --output=json --output-path="bench-results/lighthouse-$page.json" >/dev/null 2>&1 || true
  python3 - "$page" "bench-results/lighthouse-$page.json" <<'PY'
import json, sys
page, path = sys.argv[1], sys.argv[2]
try:
    r = json.load(open(path))
except (OSError, ValueError):
    print(f"lighthouse {page}: no report"); sys.exit(0)
c = r["categories"]
s = lambda k: round((c[k]["score"] or 0) * 100)
print(f"lighthouse {page:8} performance {s('performance'):3}  accessibility {s('accessibility'):3}  best-practices {s('best-practices'):3}")
for k in ("performance", "accessibility", "best-practices"):
    for ref in c[k]["auditRefs"]:
        a = r["audits"][ref["id"]]
        if a.get("score") is not None and a["score"] < 0.9 and ref.get("weight", 0) > 0:
            print(f"   {k}: {a['id']} ({a['score']}) {a.get('displayValue', '')}")
PY
done
