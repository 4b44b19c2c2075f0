#!/usr/bin/env bash
# duiding serve end to end: start the preview of a copy of the fictional example on a free
# port, fetch a page, change the source and see the change, break it and see the error
# page, fix it and see the site again, then stop the preview with SIGINT (Ctrl-C).
# Usage: serve-preview.sh DUIDING EXAMPLE_SOURCE
set -euo pipefail
duiding=$1
example=$2
work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- serve log:" >&2; cat "$work/log" >&2; exit 1; }

cp -r "$example" "$work/src"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$duiding" serve "$work/src" --port "$port" >"$work/log" 2>&1 &
pid=$!

# wait_for TEXT [SECONDS]: until the home page holds TEXT.
wait_for() {
  local deadline=$((SECONDS + ${2:-180}))
  while ((SECONDS < deadline)); do
    if curl -s "$url/" -o "$work/page" 2>/dev/null && grep -qF -- "$1" "$work/page"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || fail "serve stopped before the page held '$1'"
    sleep 0.5
  done
  fail "the page never held '$1'"
}

wait_for "Impactmeting jeugdhulp Voorbeeldgemeente"
grep -qF '<script src="/assets/duiding-serve.js" data-build="1" defer></script>' "$work/page" ||
  fail "the home page has no reload script"
curl -sf "$url/assets/duiding-serve.js" | grep -q "_duiding/wacht" || fail "the reload script is not served"
curl -sI "$url/" | grep -qi "^content-security-policy: default-src 'self'; script-src 'self'" ||
  fail "no Content-Security-Policy header"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$url/../../etc/passwd") != 200 ]] || fail "a path left the site"
echo "ok: home page served with the reload script"

# A change to the source: the title.
sed -i 's/"title": "Impactmeting jeugdhulp Voorbeeldgemeente"/"title": "Impactmeting jeugdhulp Testgemeente"/' \
  "$work/src/data/site.json"
wait_for "Impactmeting jeugdhulp Testgemeente"
grep -qF 'data-build="2"' "$work/page" || fail "the rebuilt page does not carry build 2"
echo "ok: a changed title is shown after the rebuild"

# The long poll answers at once when the page's build is not the newest.
[[ $(curl -s --max-time 5 "$url/_duiding/wacht?build=1") == 2 ]] || fail "the wait endpoint did not answer 2"

# A broken values file: an unknown category, with a character that must be escaped.
printf '2024;tevredenheid-ondersteuning;gezinnen;;<zeer>-blij;value;5;\n' >>"$work/src/data/values/2023.csv"
wait_for "De site kan niet worden gebouwd"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/")
[[ $code == 500 ]] || fail "the error page came with status $code"
grep -qF "data/values/2023.csv:" "$work/page" || grep -qF "2023.csv:" "$work/page" || fail "the error does not name its file"
grep -qF "&lt;zeer&gt;-blij" "$work/page" || fail "the message is not escaped"
grep -qF '<zeer>' "$work/page" && fail "the message is not escaped"
curl -sf "$url/assets/duiding.css" >/dev/null || fail "the last good site's stylesheet is gone"
echo "ok: a build error is shown in the page"

# Fixed again: the site comes back.
sed -i '$d' "$work/src/data/values/2023.csv"
wait_for "Impactmeting jeugdhulp Testgemeente"
echo "ok: the site is back once the error is fixed"

kill -INT "$pid"
status=0
wait "$pid" || status=$?
pid=
[[ $status == 0 ]] || fail "serve ended with status $status after SIGINT"
grep -q "preview stopped" "$work/log" || fail "serve did not say it stopped"
if curl -s --max-time 2 "$url/" >/dev/null; then fail "the port still answers"; fi
echo "ok: Ctrl-C stops the preview"
