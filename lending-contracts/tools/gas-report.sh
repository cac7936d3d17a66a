#!/usr/bin/env bash
# Measures the gas figures quoted in README.md and refreshes the committed forge snapshot (.gas-snapshot).
# The gas tests assert the budgets (submitAttestation warm <= 60,000; proveTier warm <= 230,000; borrow warm
# <= 150,000) and log the call-frame gas of each entry point with every touched account and slot cooled first
# (vm.cool).
set -euo pipefail
cd "$(dirname "$0")/.."
# The proveTier tests need the generated verifier and the proof fixtures (cached after the first run).
../zk-attestation/ceremony/ceremony.sh --verifier-dir contracts/zk/generated >/dev/null
./tools/foundry forge test --match-test 'test_gas' -vv | grep -E '^\s+[a-zA-Z].*: [0-9]+$|PASS|FAIL'
./tools/foundry forge snapshot --snap .gas-snapshot >/dev/null
echo "snapshot written to lending-contracts/.gas-snapshot"
