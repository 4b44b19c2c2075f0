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
# The embed pages come with a later release; one page stands in for them here.
cp -r "$site" "$work/site"
mkdir -p "$work/site/embed/voorbeeld"
sed -e 's|href="\.\./|href="../../|g; s|src="\.\./|src="../../|g' "$site/zoeken/index.html" \
  | sed -e 's|<main id="inhoud"[^>]*>|&<p>Ingebedde grafiek (test).</p>|' > "$work/site/embed/voorbeeld/index.html"
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
echo "--- curl -sI ${url}embed/voorbeeld/index.html"; curl -sI "${url}embed/voorbeeld/index.html" | tr -d '\r' | grep -iE '^(HTTP|content-type|content-security|x-frame|cache-control)'
header() { curl -s -D - -o /dev/null "$1" | tr -d '\r' | grep -i "^$2:" | sed "s/^[^:]*: //" || true; }
expect() { if [[ "$2" == "$3" ]]; then echo "ok   $1"; else echo "FAIL $1: got '$2', expected '$3'"; fail=1; fi; }
meta=$(grep -o 'http-equiv="Content-Security-Policy" content="[^"]*"' "$work/target/current/index.html" | sed 's/.*content="//; s/"$//')
[[ -n "$meta" ]] || { echo "FAIL: no CSP <meta> in index.html"; exit 1; }
for page in index.html kernindicatoren/index.html zoeken/index.html; do
  expect "CSP of $page" "$(header "$url$page" Content-Security-Policy)" "$meta; frame-ancestors 'none'"
  expect "X-Frame-Options of $page" "$(header "$url$page" X-Frame-Options)" "DENY"
done
expect "CSP of embed/voorbeeld/index.html" "$(header "${url}embed/voorbeeld/index.html" Content-Security-Policy)" "$meta; frame-ancestors *"
expect "X-Frame-Options of embed/voorbeeld/index.html" "$(header "${url}embed/voorbeeld/index.html" X-Frame-Options)" ""
csv=$(cd "$work/target/current" && ls */*/*.csv | head -1)
expect "Content-Type of $csv" "$(header "$url$csv" Content-Type)" "text/csv; charset=utf-8"
expect "Content-Type of catalogus.jsonld" "$(header "${url}catalogus.jsonld" Content-Type)" "application/ld+json"
status=$(curl -s -o "$work/404.out" -w '%{http_code}' "${url}bestaat/niet.html")
expect "status of a missing page" "$status" "404"
expect "Dutch 404 page" "$(grep -c 'Pagina niet gevonden' "$work/404.out")" "2"
exit $fail
