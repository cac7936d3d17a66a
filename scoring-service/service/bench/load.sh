#!/usr/bin/env bash
# Load test of the lender API's score endpoint, measured in the same run as a trivial endpoint (GET /v1/ping).
#
# Starts the packaged service (target/quarkus-app) on its embedded PostgreSQL (or DB_URL), without a chain (no
# readiness probe of a node, no pipeline, no outbox: the score endpoint reads stored profiles), activates a model
# trained on the synthetic wallet-v1 data, stores WALLETS real profiles, creates an API key through the admin API
# (bootstrap admin key), warms the score cache and the JIT, then runs wrk on both endpoints with the same
# duration and connections, ROUNDS times alternately, and prints a table. Installs wrk from Debian if missing.
#
#   scoring-service/service/bench/load.sh                 # defaults: 20s, 16 connections, 1 wrk thread
#   DURATION=30s CONNECTIONS=32 ROUNDS=3 scoring-service/service/bench/load.sh
#   DB_URL=jdbc:postgresql://127.0.0.1:5432/creditlayer_bench scoring-service/service/bench/load.sh
#
# Environment: DURATION, CONNECTIONS, THREADS (wrk), ROUNDS, WALLETS, PORT, DB_PORT (embedded PostgreSQL),
# DB_URL (an existing, empty scratch database instead), JAVA_OPTS (service JVM), SKIP_BUILD=1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODULE=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$MODULE/../.." && pwd)
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
ROUNDS=${ROUNDS:-2}
WALLETS=${WALLETS:-10000}
PORT=${PORT:-18080}
DB_PORT=${DB_PORT:-54329}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
WORK="$MODULE/target/bench"
APP="$MODULE/target/quarkus-app"
CSV="$MODULE/../credit-model/src/test/resources/synthetic-wallet-v1.csv"
BASE="http://127.0.0.1:$PORT"

# shellcheck disable=SC1091
source "$ROOT/deploy/bin/use-jdk25.sh"

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian ..."
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$APP/quarkus-run.jar" ]; then
  echo "building the service (mvn package, tests skipped) ..."
  (cd "$ROOT" && mvn -B -o -q -pl scoring-service/service -Dcreditlayer.npm.skip=true -DskipTests package)
fi

rm -rf "$WORK"
mkdir -p "$WORK"
echo "training the bench model on $(basename "$CSV") ..."
java -cp "$APP/lib/main/*" io.creditlayer.model.cli.ModelCli train --preset wallet --csv "$CSV" \
  --out "$WORK/model" --seed 7 --quiet >"$WORK/train.log" 2>&1

# a throwaway bootstrap admin key, in the format ApiKeys expects: cl_<8 chars>_<secret>
ADMIN_KEY="cl_$(head -c6 /dev/urandom | base64 | tr '+/' 'xy')_$(head -c32 /dev/urandom | base64 | tr -d '=\n' | tr '+/' '-_')"

DB_ARGS=(-Dcreditlayer.db.embedded-dir="$WORK/postgres" -Dcreditlayer.db.embedded-port="$DB_PORT")
JDBC="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres"
if [ -n "${DB_URL:-}" ]; then
  DB_ARGS=(-Dquarkus.datasource.jdbc.url="$DB_URL")
  JDBC="$DB_URL"
fi

echo "starting the service on port $PORT ..."
# shellcheck disable=SC2086
CREDITLAYER_ADMIN_API_KEY="$ADMIN_KEY" java $JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" "${DB_ARGS[@]}" -Dcreditlayer.http.port="$PORT" \
  -Dcreditlayer.model.dir="$WORK/model" -Dquarkus.log.level=WARN \
  -Dcreditlayer.chain.monitor.enabled=false -Dcreditlayer.pipeline.enabled=false -Dcreditlayer.outbox.enabled=false \
  -jar "$APP/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  if curl -sf "$BASE/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE" 2>/dev/null; then echo "the service exited; see $WORK/service.log" >&2; exit 1; fi
  sleep 1
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "the service is not ready after 180 s; see $WORK/service.log" >&2; exit 1; }

echo "seeding $WALLETS wallet profiles and activating the model ..."
java -cp "$MODULE/target/test-classes:$APP/lib/main/*" io.creditlayer.service.lender.LenderSeed \
  --jdbc "$JDBC" --csv "$CSV" --model-dir "$WORK/model" --wallets "$WALLETS" --addresses-out "$WORK/addresses.txt"

API_KEY=$(curl -sf -X POST "$BASE/v1/admin/api-keys" -H "X-API-Key: $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"load test","scopes":["scores:read"],"requestsPerSecond":100000,"burst":100000}' |
  sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$API_KEY" ] || { echo "could not create the load-test API key" >&2; exit 1; }

echo "warming the score cache through the batch endpoint ..."
split -l 1000 "$WORK/addresses.txt" "$WORK/batch-"
for batch in "$WORK"/batch-*; do
  body="{\"addresses\":[$(sed 's/.*/"&"/' "$batch" | paste -sd, -)]}"
  curl -sf -X POST "$BASE/v1/wallets/scores" -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' \
    -d "$body" -o /dev/null
done

export BENCH_API_KEY="$API_KEY" BENCH_ADDRESSES="$WORK/addresses.txt"
run() { # mode duration -> RESULT line
  BENCH_MODE="$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s "$HERE/bench.lua" "$BASE" | grep '^RESULT'
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

echo "warming up the JIT (10 s per endpoint) ..."
run ping 10s >/dev/null
run score 10s >/dev/null

LOAD_BEFORE=$(uptime)
GC_BEFORE=$(wc -l <"$WORK/gc.log")
declare -a ROWS
for round in $(seq 1 "$ROUNDS"); do
  for mode in ping score; do
    result=$(run "$mode" "$DURATION")
    ROWS+=("$round $mode $result")
  done
done
LOAD_AFTER=$(uptime)
GC_PAUSES=$(tail -n +"$((GC_BEFORE + 1))" "$WORK/gc.log" | grep -o 'Pause.* \([0-9.]*\)ms$' | sed 's/.* \([0-9.]*\)ms$/\1/' |
  awk '{ n++; s += $1; if ($1 > m) m = $1 } END { printf "%d pauses, %.1f ms in total, longest %.1f ms", n, s, m }')

printf '\nwrk -t%s -c%s -d%s, %s wallets cached, %s cores; service JVM: %s\n' "$THREADS" "$CONNECTIONS" "$DURATION" \
  "$WALLETS" "$(nproc)" "$JAVA_OPTS"
printf '%-6s %-28s %10s %9s %9s %9s %9s %7s\n' round endpoint "req/s" "p50 ms" "p90 ms" "p99 ms" "p99.9 ms" errors
declare -A PING_RPS
for row in "${ROWS[@]}"; do
  read -r round mode result <<<"$row"
  endpoint="GET /v1/ping"; [ "$mode" = score ] && endpoint="GET /v1/wallets/{a}/score"
  rps=$(field " $result" rps)
  printf '%-6s %-28s %10s %9s %9s %9s %9s %7s' "$round" "$endpoint" "$rps" "$(field " $result" p50_ms)" \
    "$(field " $result" p90_ms)" "$(field " $result" p99_ms)" "$(field " $result" p999_ms)" "$(field " $result" errors)"
  if [ "$mode" = ping ]; then
    PING_RPS[$round]=$rps
    printf '\n'
  else
    printf '   score/ping %s%%\n' "$(awk -v s="$rps" -v p="${PING_RPS[$round]}" 'BEGIN { printf "%.0f", 100 * s / p }')"
  fi
done
printf '\nGC while measuring: %s (log %s)\n' "$GC_PAUSES" "$WORK/gc.log"
printf 'load before: %s\nload after:  %s\n' "$LOAD_BEFORE" "$LOAD_AFTER"
