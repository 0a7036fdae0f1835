#!/usr/bin/env bash
# Intake crash test, repeated: each run starts the real server in its own JVM on a file database,
# sends signed Zendesk webhooks from 8 clients, kills the server with SIGKILL after 3 s, restarts
# it and checks that every delivery answered 2xx is stored once, processed, and queued its sends
# once (io.tidings.app.webhooks.IntakeCrashTest). Where the kill lands differs from run to run.
#
#   bench/intake-crash.sh [runs]        (default 5)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
cd "$ROOT"
./tidings mvn -q install -DskipTests -pl app -am
for run in $(seq 1 "$RUNS"); do
  echo "crash run $run of $RUNS"
  ./tidings mvn -q surefire:test -pl app -Dtest=IntakeCrashTest
done
echo "all $RUNS crash runs passed"
