#!/usr/bin/env bash
# Tests deploy/Caddyfile for real: Caddy (Debian's package) in front of the built standalone app,
# on "localhost" with Caddy's internal CA. TLS 1.3 must work with HSTS and the app's own headers,
# TLS 1.2 must be refused, and plain http must redirect to https.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v caddy >/dev/null || { apt-get update -qq && apt-get install -y -qq caddy >/dev/null; }
# Debian starts a caddy service on install; it would hold ports 80/443.
systemctl stop caddy 2>/dev/null || pkill -x caddy 2>/dev/null || true

work=$(mktemp -d)
trap 'kill $app $proxy 2>/dev/null || true; rm -rf "$work"' EXIT
export DATA_DIR="$work/data" PORT=3400 HOSTNAME=127.0.0.1
export AUTH_SECRET=$(openssl rand -base64 32) HASH_SECRET=$(openssl rand -base64 32) MESSAGE_KEYS="1:$(openssl rand -base64 32)"
eval "$(node -e "const k=require('web-push').generateVAPIDKeys();console.log('export VAPID_PUBLIC_KEY='+k.publicKey+' VAPID_PRIVATE_KEY='+k.privateKey+' VAPID_SUBJECT=mailto:push@example.org')")"
node scripts/start.mjs >"$work/app.log" 2>&1 & app=$!
DOMAIN=localhost APP_PORT=3400 XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" caddy run --config deploy/Caddyfile --adapter caddyfile >"$work/caddy.log" 2>&1 & proxy=$!

for _ in $(seq 1 60); do curl -fsk --max-time 2 https://localhost/api/health >/dev/null 2>&1 && break; sleep 1; done
headers=$(curl -sk --tlsv1.3 -D - -o /dev/null https://localhost/api/health)
echo "$headers" | grep -qi '^HTTP/[0-9.]* 200' || { echo "FAIL: no 200 over TLS 1.3"; cat "$work/caddy.log" "$work/app.log"; exit 1; }
echo "$headers" | grep -qi '^strict-transport-security: max-age=63072000' || { echo "FAIL: no HSTS"; exit 1; }
echo "$headers" | grep -qi "^content-security-policy: default-src 'self'" || { echo "FAIL: app headers missing"; exit 1; }
if curl -sk --tlsv1.2 --tls-max 1.2 -o /dev/null https://localhost/api/health 2>/dev/null; then
  echo "FAIL: TLS 1.2 was accepted"; exit 1
fi
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://localhost/de)
[[ "$redirect" == 30[18]\ https://localhost/de ]] || { echo "FAIL: http does not redirect to https ($redirect)"; exit 1; }
# Bodies over 64 KiB stop at Caddy with the app's own 413 (its German message, kept in step).
head -c 70000 /dev/zero >"$work/big"
large=$(curl -sk -o "$work/large.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$work/big" https://localhost/api/messages || true)
[[ "$large" == 413 ]] || { echo "FAIL: a 70 KB body was not refused with 413 ($large)"; exit 1; }
message=$(node -p "require('./messages/de.json').Errors.tooLarge")
grep -qF "\"message\":\"$message\"" "$work/large.json" || { echo "FAIL: Caddy's 413 is not messages/de.json's Errors.tooLarge"; cat "$work/large.json"; exit 1; }
small=$(curl -sk -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data '{}' https://localhost/api/messages)
[[ "$small" == 401 ]] || { echo "FAIL: a small body did not reach the app ($small)"; exit 1; }
echo "proxy: 5 passed, 0 failed (TLS 1.3 + HSTS, TLS 1.2 refused, app headers, http→https, 64 KiB body limit)"
