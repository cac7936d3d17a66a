// Proving-time benchmark for the tier circuit: node zk-attestation/test-js/bench-prove.mjs [runs]
// Proves one tier claim `runs` times (default 10) with the ceremony's wasm and zkey (.cache/zk) and prints the
// median wall time of snarkjs's groth16.fullProve (witness + proof) and the CPU time it used (all threads), which
// is what to compare on a loaded machine. The first run, which also compiles the wasm and loads the key, is reported
// apart.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import * as snarkjs from 'snarkjs';
import { referenceTree, modelIdField, FIELD_MODULUS } from '../ceremony/reference-tree.mjs';

const runs = Number(process.argv[2] ?? 10);
const zk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'zk');
const ref = await referenceTree();
const modelId = modelIdField('0x' + '5e'.repeat(32));
const entries = Array.from({ length: 100 }, (_, i) => ({
  borrower: BigInt('0x' + randomBytes(20).toString('hex')), score: BigInt(300 + ((i * 37) % 551)), modelId,
  epoch: 12n, salt: BigInt('0x' + randomBytes(32).toString('hex')) % FIELD_MODULUS,
}));
const tree = ref.build(entries);
const claimant = entries.find((e) => e.score >= 740n);
const input = tree.circuitInput(claimant.borrower, 4);

const wall = [];
const cpu = [];
for (let i = 0; i <= runs; i++) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await snarkjs.groth16.fullProve(input, path.join(zk, 'tier_proof.wasm'), path.join(zk, 'tier_proof_final.zkey'));
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpuBefore);
  if (i === 0) {
    console.log(`first proof (cold): ${elapsed.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
    continue;
  }
  wall.push(elapsed);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${runs} proofs on ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(1)}): median ${median(wall).toFixed(0)} ms wall, `
  + `${median(cpu).toFixed(0)} ms CPU per proof`);
await globalThis.curve_bn128?.terminate();
