#!/usr/bin/env bash
# CPU-time figures (src/bench/java: FieldCpuBench, VerifyCpuBench, PoseidonCpuBench, timed by
# io.creditlayer.zk.bench.CpuTimer): the benchmark thread's CPU time per call, best and median of several rounds.
# On a shared machine JMH's wall times include the time slices spent waiting for a core; CPU time does not, so it
# is the figure to compare two versions of the code with while other jobs run (cache and SMT contention from the
# other jobs still inflate it somewhat).
#   zk-attestation/bench/cpu-bench.sh [rounds, default 7]
# VerifyCpuBench reads the fixture that bench/verify-bench.sh (VerifyBench's setup) writes to target/bench-fixture/.
# Extra Maven flags come from MVN_FLAGS, e.g. MVN_FLAGS="-o -Dmaven.repo.local=/tmp/m2-x" for an offline build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/deploy/bin/use-jdk25.sh"
rounds="${1:-7}"
run() {
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} -pl zk-attestation -Pbench -Dcreditlayer.npm.skip=true -DskipTests \
    test-compile exec:exec "-Dbench.main=$1" "-Dbench.args=${*:2}")
}
run io.creditlayer.zk.bn254.FieldCpuBench "$rounds"
fixture="$root/zk-attestation/target/bench-fixture"
if [[ -f "$fixture/proof.json" ]]; then
  run io.creditlayer.zk.groth16.VerifyCpuBench "$fixture" "$rounds"
else
  echo "no $fixture: run bench/verify-bench.sh once for the verifier's CPU figures"
fi
run io.creditlayer.zk.poseidon.PoseidonCpuBench "$rounds"
