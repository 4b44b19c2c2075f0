#!/usr/bin/env bash
# Serves a publication of SITE with Debian's nginx on 127.0.0.1 and the nginx.conf that
# `duiding publish` wrote, then checks with curl: every page carries the CSP of its own
# <meta> element plus frame-ancestors 'none' and X-Frame-Options DENY; a page under
# embed/ may be framed (frame-ancestors *, no X-Frame-Options); CSV has its type; a
# missing page gets the Dutch 404 page with status 404.
# Usage: nginx-headers.sh DUIDING SITE WORKDIR
set -euo pipefail
duiding=$1 site=$2 work=$3
command -v nginx >/dev/null || { echo "FAIL: nginx is not installed (apt-get install nginx)"; exit 1; }
rm -rf "$work"; mkdir -p "$work/tmp" "$work/docroot"
cp -r "$site" "$work/site"
"$duiding" publish "$work/site" "$work/target" >/dev/null
base_path=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(open(sys.argv[1]))["base_url"]).path)' "$site/duiding-site.json")
ln -s "$work/target/current" "$work/docroot${base_path%/}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$port;
    root $work/docroot;
    include $work/target/nginx.conf;
  }
}
CONF
nginx -t -p "$work" -c "$work/nginx.conf" 2>"$work/nginx-t.log" || { cat "$work/nginx-t.log"; exit 1; }
nginx -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port$base_path"
for _ in $(seq 50); do curl -s -o /dev/null "$url" && break; sleep 0.1; done

fail=0
echo "--- curl -sI ${url}index.html"; curl -sI "${url}index.html" | tr -d '\r' | grep -iE '^(HTTP|content-type|content-security|x-frame|cache-control)'
embed=$(cd "$work/target/current" && ls embed/*/*/index.html | head -1)
[[ -n "$embed" ]] || { echo "FAIL: the site has no embed pages"; exit 1; }
echo "--- curl -sI ${url}$embed"; curl -sI "${url}$embed" | tr -d '\r' | grep -iE '^(HTTP|content-type|content-security|x-frame|cache-control)'
header() { curl -s -D - -o /dev/null "$1" | tr -d '\r' | grep -i "^$2:" | sed "s/^[^:]*: //" || true; }
expect() { if [[ "$2" == "$3" ]]; then echo "ok   $1"; else echo "FAIL $1: got '$2', expected '$3'"; fail=1; fi; }
meta=$(grep -o 'http-equiv="Content-Security-Policy" content="[^"]*"' "$work/target/current/index.html" | sed 's/.*content="//; s/"$//')
[[ -n "$meta" ]] || { echo "FAIL: no CSP <meta> in index.html"; exit 1; }
for page in index.html kernindicatoren/index.html zoeken/index.html; do
  expect "CSP of $page" "$(header "$url$page" Content-Security-Policy)" "$meta; frame-ancestors 'none'"
  expect "X-Frame-Options of $page" "$(header "$url$page" X-Frame-Options)" "DENY"
done
expect "CSP of $embed" "$(header "${url}$embed" Content-Security-Policy)" "$meta; frame-ancestors *"
expect "X-Frame-Options of $embed" "$(header "${url}$embed" X-Frame-Options)" ""
csv=$(cd "$work/target/current" && ls */*/*.csv | head -1)
expect "Content-Type of $csv" "$(header "$url$csv" Content-Type)" "text/csv; charset=utf-8"
expect "Content-Type of catalogus.jsonld" "$(header "${url}catalogus.jsonld" Content-Type)" "application/ld+json"
status=$(curl -s -o "$work/404.out" -w '%{http_code}' "${url}bestaat/niet.html")
expect "status of a missing page" "$status" "404"
expect "Dutch 404 page" "$(grep -c 'Pagina niet gevonden' "$work/404.out")" "2"
# In a browser: a page of another origin frames the embed page and an ordinary page.
if [[ -x /usr/bin/chromium ]]; then
  node "$(dirname "$0")/../browser/embed-frame.mjs" "$url$embed" "${url}index.html" ${EMBED_SHOT:-} || fail=1
else
  echo "skipped: the framing check in a browser needs chromium"
fi
exit $fail
