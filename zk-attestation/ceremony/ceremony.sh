#!/usr/bin/env bash
# Compiles the tier circuit and runs a local, non-interactive Groth16 trusted setup for it (development only).
#
#   zk-attestation/ceremony/ceremony.sh [--verifier-dir DIR]
#
# Outputs, in <repo>/.cache/zk/<key>/ where <key> hashes the circuit, this folder and package-lock.json (so a
# second build with the same inputs skips everything), and published to <repo>/.cache/zk/ itself:
#   tier_proof.r1cs, tier_proof.sym, tier_proof.wasm   compiled circuit (circom2, --O2)
#   tier_proof_final.zkey, verification_key.json       Groth16 proving and verification keys
#   Groth16Verifier.sol                                 snarkjs-generated Solidity verifier (never edited)
#   tier_proof_fixtures.json                            demo tree and real proofs for the Foundry tests
#   ceremony.log                                        steps, timings and the circuit's constraint count
# With --verifier-dir, Groth16Verifier.sol is also copied there (lending-contracts compiles it from there).
# Phase 1 is cached separately in <repo>/.cache/zk/ptau/<key>/ (see phase1 below).
#
# Ceremony: phase 1 is a fresh powers of tau of 2^POWER with two contributions and a beacon; phase 2 one
# contribution and a beacon. The contributions use fixed entropy strings so that the run needs no input, but
# snarkjs mixes 64 bytes of OS randomness into every contribution, so each run makes a different key. Every
# participant here is this machine: the toxic waste is only as secret as the machine was. Production must instead
# start phase 2 from a public phase-1 file (the perpetual powers of tau / Hermez ptau of at least 2^POWER) and run
# phase 2 with independent contributors; see docs/zk.md.
set -euo pipefail

POWER=13 # 2^13 = 8,192 >= constraints (4,683) + public inputs + 1; checked below
CIRCUIT=tier_proof

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
circuit_src="$root/zk-attestation/circuits/$CIRCUIT.circom"
node_modules="$root/node_modules"
cache="$root/.cache/zk"

verifier_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --verifier-dir) verifier_dir="$2"; shift 2 ;;
    *) echo "ceremony: unknown argument $1" >&2; exit 2 ;;
  esac
done

for required in "$node_modules/snarkjs" "$node_modules/circom2" "$node_modules/circomlib" "$node_modules/circomlibjs"; do
  if [ ! -d "$required" ]; then
    echo "ceremony: $required is missing: run 'npm ci' at the repository root" >&2
    exit 1
  fi
done

snarkjs() { node "$node_modules/snarkjs/build/cli.cjs" "$@"; }
if command -v sha256sum >/dev/null; then digest() { sha256sum | cut -c1-16; }; else digest() { shasum -a 256 | cut -c1-16; }; fi

# Phase 1 depends only on the power and the toolchain, not on the circuit: it is cached on its own
# (<repo>/.cache/zk/ptau/<key>), so that changing the circuit redoes only the cheap phase 2. Preparing phase 2
# (Lagrange bases by FFTs over the curve) is the slowest step of the whole ceremony.
phase1() {
  snarkjs powersoftau new bn128 "$POWER" pot_0.ptau
  snarkjs powersoftau contribute pot_0.ptau pot_1.ptau --name="dev contributor 1" -e="creditlayer dev phase 1 contributor 1"
  snarkjs powersoftau contribute pot_1.ptau pot_2.ptau --name="dev contributor 2" -e="creditlayer dev phase 1 contributor 2"
  # A beacon is a public, unpredictable value in a real ceremony (a future block hash); here a fixed one.
  snarkjs powersoftau beacon pot_2.ptau pot_beacon.ptau \
    0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 10 -n="dev phase 1 beacon"
  snarkjs powersoftau prepare phase2 pot_beacon.ptau pot_final.ptau
  rm pot_0.ptau pot_1.ptau pot_2.ptau pot_beacon.ptau
}
ptau_key="$( (echo "$POWER"; declare -f phase1; grep -A2 '"node_modules/snarkjs"' "$root/package-lock.json") | digest)"
ptau_dir="$cache/ptau/$ptau_key"

# The key covers everything the outputs depend on: the circuit, the scripts (this one, the fixtures and the
# reference tree) and the exact toolchain versions.
key="$(cat "$circuit_src" "$here"/* "$root/package-lock.json" | digest)"
out="$cache/$key"
published=(tier_proof.r1cs tier_proof.sym tier_proof.wasm tier_proof_final.zkey verification_key.json
  Groth16Verifier.sol tier_proof_fixtures.json ceremony.log)

publish() {
  for file in "${published[@]}"; do
    if ! cmp -s "$out/$file" "$cache/$file"; then cp "$out/$file" "$cache/$file.tmp" && mv "$cache/$file.tmp" "$cache/$file"; fi
  done
  echo "$key" > "$cache/KEY"
  if [ -n "$verifier_dir" ]; then
    mkdir -p "$verifier_dir"
    cmp -s "$out/Groth16Verifier.sol" "$verifier_dir/Groth16Verifier.sol" || cp "$out/Groth16Verifier.sol" "$verifier_dir/"
  fi
}

if [ -f "$out/COMPLETE" ]; then
  echo "ceremony: cached key $key ($out), skipping the setup"
  publish
  exit 0
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/tmp.XXXXXX")"
phase1_work=""
trap 'rm -rf "$work" ${phase1_work:+"$phase1_work"}' EXIT
log="$work/ceremony.log"
started=$SECONDS
step() { echo "[$((SECONDS - started))s] $*" | tee -a "$log"; }

# circom2 runs in WebAssembly under WASI and sees only its working directory, so the build directory holds the
# circuit with circomlib's circuits beside it, where the includes point.
step "compile $CIRCUIT.circom (circom2, --O2)"
build="$work/build"
mkdir -p "$build/circomlib"
cp "$circuit_src" "$build/"
cp -r "$node_modules/circomlib/circuits" "$build/circomlib/"
(cd "$build" && node "$node_modules/circom2/cli.js" "$CIRCUIT.circom" --r1cs --wasm --sym --O2 -o .) | tee -a "$log"
mv "$build/$CIRCUIT.r1cs" "$build/$CIRCUIT.sym" "$build/${CIRCUIT}_js/$CIRCUIT.wasm" "$work/"

step "constraint count"
snarkjs r1cs info "$work/$CIRCUIT.r1cs" | tee -a "$log"
constraints="$(grep -o 'Constraints: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')"
public_inputs="$(grep -o 'Public Inputs: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')"
if [ $((constraints + public_inputs + 1)) -gt $((1 << POWER)) ]; then
  echo "ceremony: $constraints constraints need a larger POWER than $POWER" >&2
  exit 1
fi

cd "$work"
if [ -f "$ptau_dir/COMPLETE" ]; then
  step "phase 1: cached powers of tau 2^$POWER ($ptau_dir)"
else
  step "phase 1: powers of tau 2^$POWER, two contributions, beacon, prepare phase 2"
  phase1_work="$(mktemp -d "$cache/tmp-ptau.XXXXXX")"
  (cd "$phase1_work" || exit 1; phase1)
  touch "$phase1_work/COMPLETE"
  if [ -d "$ptau_dir" ]; then rm -rf "$phase1_work"; else mkdir -p "$(dirname "$ptau_dir")" && mv "$phase1_work" "$ptau_dir"; fi
fi
ptau="$ptau_dir/pot_final.ptau"

step "phase 2: groth16 setup, one contribution, beacon"
snarkjs groth16 setup "$CIRCUIT.r1cs" "$ptau" "${CIRCUIT}_0.zkey"
snarkjs zkey contribute "${CIRCUIT}_0.zkey" "${CIRCUIT}_1.zkey" --name="dev phase 2 contributor" -e="creditlayer dev phase 2 contributor"
snarkjs zkey beacon "${CIRCUIT}_1.zkey" "${CIRCUIT}_final.zkey" \
  2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f 10 -n="dev phase 2 beacon"

step "verify the key against the circuit and the powers of tau"
snarkjs zkey verify "$CIRCUIT.r1cs" "$ptau" "${CIRCUIT}_final.zkey" | tail -n 3 | tee -a "$log"

step "export the verification key and the Solidity verifier"
snarkjs zkey export verificationkey "${CIRCUIT}_final.zkey" verification_key.json
# Without a phase-2 contribution delta stays the generator, equal to gamma, and anyone can forge proofs.
node -e '
  const vk = JSON.parse(require("fs").readFileSync("verification_key.json", "utf8"));
  if (JSON.stringify(vk.vk_gamma_2) === JSON.stringify(vk.vk_delta_2)) {
    console.error("ceremony: vk_gamma_2 equals vk_delta_2: the key has no phase-2 contribution and is forgeable");
    process.exit(1);
  }
  if (vk.protocol !== "groth16" || vk.curve !== "bn128" || vk.nPublic !== 5) {
    console.error("ceremony: unexpected verification key " + vk.protocol + "/" + vk.curve + "/" + vk.nPublic);
    process.exit(1);
  }'
snarkjs zkey export solidityverifier "${CIRCUIT}_final.zkey" Groth16Verifier.sol

step "proof fixtures"
node "$here/fixtures.mjs" "$CIRCUIT.wasm" "${CIRCUIT}_final.zkey" verification_key.json tier_proof_fixtures.json | tee -a "$log"

rm -rf build "${CIRCUIT}_0.zkey" "${CIRCUIT}_1.zkey"
step "done in $((SECONDS - started))s"
touch COMPLETE
cd "$root"
# Another build may have finished the same key meanwhile; its outputs are as good as ours.
if [ -d "$out" ]; then rm -rf "$work"; else mv "$work" "$out"; fi
trap - EXIT
publish
echo "ceremony: key $key in $out"
