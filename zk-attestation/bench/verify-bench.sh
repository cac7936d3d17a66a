#!/usr/bin/env bash
# Java against snarkjs on the same five-public-input Groth16 proof, in one run:
#   1. JMH (VerifyBench, sample time): Java's median per verification; its setup writes the proof, key and inputs
#      to zk-attestation/target/bench-fixture/;
#   2. a warm Node process (bench/snarkjs-verify-bench.cjs) that loads snarkjs once and loops groth16.verify on
#      those files;
# then prints both medians and the ratio. Needs node on PATH and the repository's node_modules.
#   zk-attestation/bench/verify-bench.sh [timed snarkjs calls, default 200]
# Extra Maven flags come from MVN_FLAGS, e.g. MVN_FLAGS="-o -Dmaven.repo.local=/tmp/m2-x" for an offline build.
# -DskipTests: the ceremony and circuit tests (test-phase executions of exec-maven-plugin) are not needed here,
# and the bench profile's plugin-level exec configuration must not leak into them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [[ -x "$jdk/bin/java" ]]; then export JAVA_HOME="$jdk"; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
target="$root/zk-attestation/target"
jmh_json="$target/jmh-verify.json"
calls="${1:-200}"

echo "== Java (JMH, VerifyBench)"
(cd "$root" && mvn -B -q ${MVN_FLAGS:-} -pl zk-attestation -Pbench -Dcreditlayer.npm.skip=true -DskipTests test-compile exec:exec \
  "-Dbench.args=VerifyBench -f 1 -rf json -rff $jmh_json")

echo "== snarkjs $(node -p "require('$root/node_modules/snarkjs/package.json').version") (warm Node $(node --version), $calls calls)"
snarkjs_json="$(node "$here/snarkjs-verify-bench.cjs" "$root/node_modules/snarkjs" "$target/bench-fixture" 30 "$calls")"
echo "$snarkjs_json"

node - "$jmh_json" "$snarkjs_json" <<'JS'
const fs = require('fs');
const jmh = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const snarkjs = JSON.parse(process.argv[3]);
const median = name => {
  const run = jmh.find(r => r.benchmark.endsWith('.' + name));
  return run ? run.primaryMetric.scorePercentiles['50.0'] : NaN;
};
const rows = [
  ['Java, prepared key, decoded proof', median('verifyPrepared')],
  ['Java, prepared key, proof+public JSON', median('verifyFromJson')],
  ['Java, key+proof+public JSON', median('verifyWithKeyFromJson')],
  ['snarkjs groth16.verify (JSON objects)', snarkjs.medianMs],
];
console.log('\nmedian per verification (ms)');
for (const [name, ms] of rows) console.log('  ' + name.padEnd(40) + ms.toFixed(3));
const ratio = snarkjs.medianMs / median('verifyFromJson');
console.log(`\nratio snarkjs / Java (proof+public JSON, prepared key): ${ratio.toFixed(1)}x`);
console.log(`ratio snarkjs / Java (key+proof+public JSON):          ${(snarkjs.medianMs / median('verifyWithKeyFromJson')).toFixed(1)}x`);
JS
