#!/usr/bin/env bash
# How big the embedded H2 file grows under webhook load: ROUNDS rounds of LOAD seconds of signed
# Zendesk webhooks (wrk, 64 connections, fresh event ids each round) then IDLE seconds without,
# printing the file size after each load and every 10 s of idle.
#
#   bench/h2-file-growth.sh            H2_SETTINGS (default the shipped ";WRITE_DELAY=0;RETENTION_TIME=1000"),
#                                      ROUNDS (3), LOAD (30), IDLE (30), PORT (18090), SERVER_JAR,
#                                      MAX_RATE (40000: LOAD x MAX_RATE signed requests are written a round),
#                                      KEEP (a path to copy the server log to)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-3}
LOAD=${LOAD:-30}
IDLE=${IDLE:-30}
MAX_RATE=${MAX_RATE:-40000}
PORT=${PORT:-18090}
SERVER_JAR=${SERVER_JAR:-$ROOT/app/target/tidings.jar}
JAVA_HOME=$("$ROOT/tidings" java-home)
SECRET="bench-zendesk-signing-secret-$(date +%s)"
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
[ -f "$SERVER_JAR" ] || "$ROOT/tidings" mvn -o -q -DskipTests package -pl app -am

(cd "$WORK" && SERVER_PORT=$PORT TIDINGS_ADMIN_KEY=bench_admin_key_0123456789abcdef TIDINGS_ZENDESK_WEBHOOK_SECRET="$SECRET" \
   TIDINGS_DB_URL="jdbc:h2:file:$WORK/data/tidings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${H2_SETTINGS:-;WRITE_DELAY=0;RETENTION_TIME=1000}" \
   exec "$JAVA_HOME/bin/java" -jar "$SERVER_JAR" serve >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null; [ -n "${KEEP:-}" ] && cp "$WORK/server.log" "$KEEP"; rm -rf "$WORK"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)" = 200 ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
megabytes() { du -m "$WORK/data/tidings.mv.db" | cut -f1; }
for round in $(seq "$ROUNDS"); do
  python3 "$ROOT/bench/zendesk-signed-requests.py" "$SECRET" $((LOAD * MAX_RATE)) "$WORK/requests.tsv"
  wrk -t1 -c64 -d"${LOAD}s" -s "$ROOT/bench/zendesk-signed.lua" "http://127.0.0.1:$PORT" -- "$WORK/requests.tsv" \
    | awk -v r="$round" '/Requests\/sec/ {rps=$2} /non2xx/ {bad=$0} END {printf "round %d: %d webhooks/s (%s)\n", r, rps, bad}'
  printf '  file after load: %s MB; idle:' "$(megabytes)"
  for _ in $(seq $((IDLE / 10))); do sleep 10; printf ' %s' "$(megabytes)"; done
  echo " MB"
done
