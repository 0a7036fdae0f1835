#!/usr/bin/env bash
# Webhook intake load benchmark: starts a Tidings server on a fresh database, then measures
#   1. a no-op GET          GET  $NOOP_PATH (default /health/live), closed loop, $CONCURRENCY workers
#   2. the no-op baseline   POST /bench/noop, the same signed requests as step 4 from the same client, closed loop
#   3. webhook latency      POST /webhooks/zendesk at a fixed $RATE per second (open loop), p50/p99
#   4. webhook throughput   POST /webhooks/zendesk, Zendesk-signed (fresh id, timestamp, HMAC each), closed loop
# and prints one RESULT line per step plus the webhook/no-op throughput ratios. /bench/noop is
# bench/NoopRoute.java (read the body, answer 204), compiled here and put on the server's class
# path for the run: it is not part of the shipped server.
#
#   bench/webhooks-load.sh [h2|postgres]          (default h2)
#
# The closed-loop steps use wrk (Debian package wrk) with bench/zendesk-signed.lua when it is
# installed, else the Java generator.
# Both paths are warmed up first (webhooks for WARMUP seconds, the no-op for 10 s: the JIT needs
# about a minute of load on 2 cores before the server runs compiled code). Before each measured
# step after that, the script waits until the server is idle (the inbox worker has drained what
# the step before queued), so that each step is measured alone.
# Environment: DURATION (s, default 30), WARMUP (s, default 60), SETTLE_MAX (s, 180), CONCURRENCY (64), RATE (1000),
# MAX_RATE (requests/s a closed-loop step may reach, default 40000: it writes DURATION x MAX_RATE signed requests, each
# a new event; the webhook step warns if wrk ran out of them and repeated some, the no-op step may reuse them),
# PORT (18080), NOOP_PATH (/health/live), JAVA_OPTS (server JVM options), SERVER_JAR (default app/target/tidings.jar,
# with its libs/ beside it: a copy of an older build gives a same-run baseline), H2_SETTINGS (h2 URL
# settings after the dialect ones; default the shipped ";WRITE_DELAY=0;RETENTION_TIME=1000").
# postgres: uses TIDINGS_DB_URL/_USER/_PASSWORD if set; otherwise starts a throw-away Debian
# PostgreSQL cluster (initdb/pg_ctl from /usr/lib/postgresql/*/bin, run as user postgres when root).
# The server jar and the load generator are built first when missing:
#   ./tidings mvn -o -q -DskipTests package -pl app,benchmarks -am
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:-h2}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-60}
SETTLE_MAX=${SETTLE_MAX:-180}
CONCURRENCY=${CONCURRENCY:-64}
RATE=${RATE:-1000}
MAX_RATE=${MAX_RATE:-40000}
PORT=${PORT:-18080}
NOOP_PATH=${NOOP_PATH:-/health/live}
JAVA_HOME=$("$ROOT/tidings" java-home)
SERVER_JAR=${SERVER_JAR:-$ROOT/app/target/tidings.jar}
LOAD_JAR="$ROOT/benchmarks/target/benchmarks.jar"
SECRET="bench-zendesk-signing-secret-$(date +%s)"
WORK=$(mktemp -d)
SERVER_PID=""
PG_DATA=""
PG_BIN=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$SERVER_JAR" ] || [ ! -f "$LOAD_JAR" ]; then
  "$ROOT/tidings" mvn -o -q -DskipTests package -pl app,benchmarks -am
fi

case "$DB" in
  h2)
    export TIDINGS_DB_URL="jdbc:h2:file:$WORK/data/tidings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${H2_SETTINGS:-;WRITE_DELAY=0;RETENTION_TIME=1000}"
    ;;
  postgres)
    if [ -z "${TIDINGS_DB_URL:-}" ]; then
      PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
      [ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL found; apt-get install postgresql, or set TIDINGS_DB_URL" >&2; exit 1; }
      PG_PORT=$((PORT + 1))
      PG_DATA="$WORK/pgdata"
      mkdir -p "$PG_DATA"
      [ "$(id -u)" = 0 ] && chown -R postgres "$WORK" && chmod 755 "$WORK"
      as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U tidings --auth=trust >/dev/null
      as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" \
        -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
      as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U tidings tidings
      export TIDINGS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tidings" TIDINGS_DB_USER=tidings TIDINGS_DB_PASSWORD=""
    fi
    ;;
  *) echo "usage: $0 [h2|postgres]" >&2; exit 2 ;;
esac

mkdir -p "$WORK/noop/META-INF"
"$JAVA_HOME/bin/javac" -cp "$SERVER_JAR" -d "$WORK/noop" "$ROOT/bench/NoopRoute.java"
echo '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>' \
  >"$WORK/noop/META-INF/beans.xml"
(cd "$WORK" && SERVER_PORT=$PORT TIDINGS_ADMIN_KEY=bench_admin_key_0123456789abcdef \
   TIDINGS_ZENDESK_WEBHOOK_SECRET="$SECRET" exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} \
   -cp "$SERVER_JAR:$WORK/noop" io.tidings.app.Main serve \
   >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)" = 200 ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "server died" >&2; exit 1; }
  sleep 0.1
done
echo "server ready on port $PORT, database: $DB ($TIDINGS_DB_URL)"

load() {
  "$JAVA_HOME/bin/java" -cp "$LOAD_JAR" io.tidings.benchmarks.load.WebhookLoad --url "http://127.0.0.1:$PORT" \
    --duration "$DURATION" --warmup "${LOAD_WARMUP:-5}" --secret "$SECRET" --noop-path "$NOOP_PATH" "$@" | tee -a "$WORK/results"
}
# The path a signed closed-loop target posts to.
route() { if [ "$1" = noop-post ]; then echo /bench/noop; else echo /webhooks/zendesk; fi; }
# wrk drives the closed-loop steps where it is installed (a C client leaves the cores to the
# server; the JDK client measures itself as much as the server); the open-loop step is Java's.
wrk_load() {
  local target=$1 out
  if [ "$target" = noop ]; then
    out=$(wrk -t1 -c"$CONCURRENCY" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$NOOP_PATH")
  else
    # A fresh event for every request the step can send: a replayed line would be a redelivery.
    python3 "$ROOT/bench/zendesk-signed-requests.py" "$SECRET" $((DURATION * MAX_RATE)) "$WORK/requests.tsv"
    out=$(wrk -t1 -c"$CONCURRENCY" -d"${DURATION}s" --latency -s "$ROOT/bench/zendesk-signed.lua" \
      "http://127.0.0.1:$PORT" -- "$WORK/requests.tsv" "$(route "$target")")
  fi
  echo "$out" | awk -v t="$target" -v c="$CONCURRENCY" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /non2xx=/ {bad=$0}
    END {printf "RESULT target=%s concurrency=%s tool=wrk ok_per_s=%d p50=%s p99=%s %s\n", t, c, rps, p50, p99, bad}' \
    | tee -a "$WORK/results"
  # The no-op stores nothing, so a line it is sent twice costs it what a new one would.
  if [ "$target" = zendesk ] && [[ "$out" =~ replayed=([1-9][0-9]*) ]]; then
    echo "WARNING: the request file ran out: ${BASH_REMATCH[1]} requests repeated events already sent;" \
      "raise MAX_RATE above $MAX_RATE" | tee -a "$WORK/results"
  fi
}
warm_up() {
  echo "warming up: webhooks ${WARMUP}s, no-ops 10s each, then until the inbox worker has drained"
  if command -v wrk >/dev/null && command -v python3 >/dev/null; then
    python3 "$ROOT/bench/zendesk-signed-requests.py" "$SECRET" 400000 "$WORK/requests.tsv"
    wrk -t1 -c"$CONCURRENCY" -d"${WARMUP}s" -s "$ROOT/bench/zendesk-signed.lua" "http://127.0.0.1:$PORT" -- "$WORK/requests.tsv" >/dev/null
    wrk -t1 -c"$CONCURRENCY" -d10s -s "$ROOT/bench/zendesk-signed.lua" "http://127.0.0.1:$PORT" -- "$WORK/requests.tsv" /bench/noop >/dev/null
    wrk -t1 -c"$CONCURRENCY" -d10s "http://127.0.0.1:$PORT$NOOP_PATH" >/dev/null
  else
    LOAD_WARMUP=0 DURATION=$WARMUP load --target zendesk --concurrency "$CONCURRENCY" >/dev/null
    LOAD_WARMUP=0 DURATION=10 load --target noop-post --concurrency "$CONCURRENCY" >/dev/null
    LOAD_WARMUP=0 DURATION=10 load --target noop --concurrency "$CONCURRENCY" >/dev/null
  fi
  settle
}
# Waits until the server is idle (under 5 % of a core for 2 s; at most SETTLE_MAX seconds): the
# inbox worker drains what the previous step queued, so the next step is measured alone.
settle() {
  local started=$SECONDS before after
  while [ $((SECONDS - started)) -lt "$SETTLE_MAX" ]; do
    before=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
    sleep 2
    after=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
    [ $((after - before)) -lt 10 ] && break
  done
  echo "settled after $((SECONDS - started)) s"
}
# The fixed-rate step runs before the closed-loop one, whose overload leaves the worker a backlog.
warm_up
if command -v wrk >/dev/null && command -v python3 >/dev/null; then
  wrk_load noop
  wrk_load noop-post
  LOAD_WARMUP=10 load --target zendesk --rate "$RATE"
  settle
  wrk_load zendesk
else
  load --target noop --concurrency "$CONCURRENCY"
  load --target noop-post --concurrency "$CONCURRENCY"
  LOAD_WARMUP=10 load --target zendesk --rate "$RATE"
  settle
  load --target zendesk --concurrency "$CONCURRENCY"
fi

per_second() {
  awk -v t="target=$1 concurrency" 'index($0, t) {for (i=1;i<=NF;i++) if ($i ~ /^ok_per_s=/) {sub("ok_per_s=","",$i); print $i}}' "$WORK/results"
}
hooks=$(per_second zendesk)
for baseline in noop-post noop; do
  awk -v h="$hooks" -v n="$(per_second $baseline)" -v b="$baseline" \
    'BEGIN { printf "webhooks/%s throughput ratio: %.2f (%s / %s per second)\n", b, h / n, h, n }'
done
if [ "$DB" = h2 ]; then echo "H2 file after the run: $(du -m "$WORK/data/tidings.mv.db" | cut -f1) MB"; fi
