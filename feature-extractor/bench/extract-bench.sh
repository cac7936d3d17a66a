#!/usr/bin/env bash
# Extraction benchmark (figures in feature-extractor/README.md): generates the default devnet history
# (1,000 wallets over 180 days, seed 42; extra arguments go to the scenario, e.g. --wallets 200), keeps anvil up,
# and runs ExtractionBenchmark against it: raw eth_getLogs, raw blocks + receipts, the full extraction,
# the decode-and-aggregate stage alone, and peak heap.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bin/use-jdk25.sh
mvn -B -q -DskipTests install
out="$(mktemp -d)"
mvn -B -q -pl deploy exec:java -Dexec.args="scenario --out $out --keep-running $*" > "$out/scenario.log" 2>&1 &
devnet=$!
trap 'kill $devnet 2>/dev/null || true; wait $devnet 2>/dev/null || true' EXIT
until grep -q "devnet ready at" "$out/scenario.log"; do
  if ! kill -0 "$devnet" 2>/dev/null; then cat "$out/scenario.log"; exit 1; fi
  sleep 1
done
grep -E "wallets |transactions |lending " "$out/scenario.log"
rpc="$(sed -n 's/.*devnet ready at \(http[^ ]*\).*/\1/p' "$out/scenario.log")"
mvn -B -q -pl feature-extractor exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.creditlayer.features.bench.ExtractionBenchmark \
  -Dexec.args="$rpc $out/deployment.json $out/scenario.json"
