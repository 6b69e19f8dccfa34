#!/usr/bin/env bash
# The alliance explorer in a real browser (ctest: browser.explorer; not e2e.*,
# so the sanitizer stage does not start Chromium again). On the samples plus
# hostile names: `aikg export html` and the page of `aikg serve`, each opened
# in headless Chromium (explorer_test.mjs) and compared with `aikg export
# json`; then the server's refusals over plain HTTP, and the database left
# unchanged. Needs what tools/setup.sh --with-tests installs: chromium,
# nodejs and tests/browser/node_modules (puppeteer-core).
# Usage: explorer.sh AIKG SRC [SCREENSHOT_DIR]
source "$(dirname "$0")/../e2e/lib.sh"
here=$SRC/tests/browser
shots=${3:-$WORK}
mkdir -p "$shots"
command -v node >/dev/null || fail "no node (tools/setup.sh --with-tests installs nodejs)"
[ -x "${AIKG_CHROMIUM:-/usr/bin/chromium}" ] || fail "no /usr/bin/chromium (tools/setup.sh --with-tests installs it)"
[ -d "$here/node_modules/puppeteer-core" ] || fail "no puppeteer-core (tools/setup.sh --with-tests runs npm ci in tests/browser)"

db=$WORK/s.db
"$AIKG" ingest --db "$db" "$SRC/samples" >/dev/null 2>&1 || fail "ingest samples"
# Names and sentences that would run as script if the page took them for markup.
python3 - "$WORK/hostile.jsonl" <<'PY'
import json, sys
names = ['</script><script>window.__pwned=1</script> Corp', '<img src=x onerror="window.__pwned=1"> Labs',
         '"\'><svg onload=window.__pwned=1> AI', '\u2028Line\u2029Sep Holdings']
mentions = [{"id": f"h{i}", "type": "partnership", "source": {"name": n, "kind": "company"},
             "target": {"name": "OpenAI" if i == 0 else names[i - 1], "kind": "company"}, "status": "done",
             "confidence": 0.9, "sentence": f"{n} and partner agreed </script><script>window.__pwned=2</script>",
             "begin": 0, "end": 5, "date": "2025-02-0" + str(i + 1), "cue": "x"} for i, n in enumerate(names)]
doc = {"id": "hostile<script>", "title": "", "published": "", "url": "javascript:window.__pwned=3", "source": "",
       "origin": "", "content_hash": "h", "date": "2025-02-01", "mentions": mentions}
open(sys.argv[1], "w").write(json.dumps(doc) + "\n")
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/hostile.jsonl" >/dev/null || fail "ingest hostile mentions"
"$AIKG" export json --db "$db" -o "$WORK/g.json" 2>/dev/null || fail "export json"
# A read keeps the graph snapshot it rebuilt after a write (a cache, docs/schema.md);
# once it is current, neither export nor serve may change the file.
"$AIKG" components --db "$db" >/dev/null 2>&1 || true
before=$(sha256sum "$db" | cut -d' ' -f1)

# The file: self-contained (nothing to fetch), and no data outside the JSON block.
"$AIKG" export html --db "$db" -o "$WORK/g.html" 2>/dev/null || fail "export html"
grep -qE '<(script|link|img)[^>]* (src|href)=' "$WORK/g.html" && fail "the page loads something from outside"
[ "$(grep -o '</script>' "$WORK/g.html" | wc -l)" -eq 3 ] || fail "a </script> from the data is in the page"

# The server: the same checks through the API (both pages at once, to keep
# the test short), then its refusals.
"$AIKG" serve --db "$db" > "$WORK/serve.out" 2>"$WORK/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q '^serving' "$WORK/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.out")
[ -n "$port" ] || fail "serve printed no address: $(cat "$WORK/serve.out" "$WORK/serve.err")"
node "$here/explorer_test.mjs" "file://$WORK/g.html" "$WORK/g.json" "$shots/explorer.png" & file_test=$!
node "$here/explorer_test.mjs" "http://127.0.0.1:$port/" "$WORK/g.json" "$shots/explorer-served.png" || fail "served page"
wait "$file_test" || fail "exported page"
python3 - "$port" <<'PY' || fail "server refusals"
import http.client, sys
port = int(sys.argv[1])
def status(method, path, host=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.putrequest(method, path, skip_host=host is not None)
    if host is not None: c.putheader("Host", host)
    if method != "GET": c.putheader("Content-Length", "0")
    c.endheaders()
    r = c.getresponse(); r.read(); c.close()
    return r.status
cases = [("GET", "/", None, 200), ("GET", "/api/graph", None, 200), ("GET", "/api/search?q=%EC%98%A4%ED%94%88AI", None, 200),
         ("GET", "/nope", None, 404), ("GET", "/../../etc/passwd", None, 404), ("GET", "/web/explorer.js", None, 404),
         ("GET", "/api/neighbors?id=n999999999", None, 404), ("GET", "/api/neighbors?id=1;drop", None, 404),
         ("GET", "/api/neighbors?id=n1&depth=9", None, 400), ("GET", "/api/evidence?id=r-1", None, 404),
         ("POST", "/api/graph", None, 404), ("DELETE", "/", None, 404), ("GET", "/", "evil.example:80", 403)]
for method, path, host, want in cases:
    got = status(method, path, host)
    if got != want: sys.exit(f"{method} {path} (Host {host}): {got}, expected {want}")
PY
# The port is taken: a clear error, exit 2 (never a second listener sharing it).
status=0; timeout 20 "$AIKG" serve --db "$db" --port "$port" >/dev/null 2>"$WORK/busy.err" || status=$?
expect_eq "$status" 2 "serve on a busy port"
expect_contains "$(cat "$WORK/busy.err")" "cannot listen on 127.0.0.1:$port" "serve on a busy port"
kill -TERM "$server"
wait "$server" || fail "serve did not stop cleanly on SIGTERM"
expect_eq "$(sha256sum "$db" | cut -d' ' -f1)" "$before" "database changed by export or serve"
[ ! -e "$db-wal" ] || [ ! -s "$db-wal" ] || fail "serve left a write-ahead log"
echo "ok"
