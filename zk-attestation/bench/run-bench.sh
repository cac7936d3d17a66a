#!/usr/bin/env bash
# Runs the zk-attestation JMH benchmarks (src/bench/java, Maven profile "bench"; never part of `mvn verify`).
#   zk-attestation/bench/run-bench.sh                  # all benchmarks
#   zk-attestation/bench/run-bench.sh verifyPrepared   # a subset (any JMH arguments)
#   zk-attestation/bench/run-bench.sh PoseidonBench    # Poseidon hashes and tier-tree builds
# Results: printed, and written to zk-attestation/target/jmh-results.txt.
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
args="-f 1 -rf text -rff $root/zk-attestation/target/jmh-results.txt ${*:-}"
cd "$root"
exec mvn -B -q ${MVN_FLAGS:-} -pl zk-attestation -Pbench -Dcreditlayer.npm.skip=true -DskipTests test-compile exec:exec "-Dbench.args=$args"
