#!/usr/bin/env bash
# Measures time from `java -jar` to /health/ready = 200, and resident memory once idle.
#   bench/startup.sh [runs] [extra JVM options...]
# Each run starts on a fresh H2 database in a temporary directory. Build the jar first
# (./tidings mvn -q -DskipTests package). Prints one line per run and the median.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=$("$ROOT/tidings" java-home)
JAR="$ROOT/app/target/tidings.jar"
RUNS=${1:-5}
shift || true
PORT=${PORT:-18080}

times=()
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$work" && SERVER_PORT=$PORT TIDINGS_ADMIN_KEY=bench_admin_key_0123456789abcdef \
     exec "$JAVA_HOME/bin/java" "$@" -jar "$JAR" serve >"$work/server.log" 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server died; see $work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 10
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P "$pid" java || echo "$pid")/status" 2>/dev/null || awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  echo "run $run: ready in ${ready_ms} ms, idle RSS $((rss_kb / 1024)) MiB"
  times+=("$ready_ms")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median ready: ${median} ms over $RUNS runs; JVM options: ${*:-none}"
