// Proof fixtures for the Foundry tests: a demo epoch tree (reference-tree.mjs) and real Groth16 proofs made with
// the freshly set-up key. Usage: node fixtures.mjs <tier_proof.wasm> <tier_proof_final.zkey> <verification_key.json> <out.json>
//
// The tree is deterministic (fixed borrowers, scores and salts), so its root is the same in every build; the proofs
// are not (Groth16 proving is randomized, and every ceremony makes a new key).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as snarkjs from 'snarkjs';
import { referenceTree, modelIdField, FIELD_MODULUS } from './reference-tree.mjs';

const [wasmFile, zkeyFile, vkFile, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node fixtures.mjs <wasm> <zkey> <verification_key.json> <out.json>');
  process.exit(2);
}

// keccak256("creditlayer.model.xgb-v1"): AttestationSigning.DEFAULT_MODEL_ID in the Foundry tests, which assert
// that it matches.
const MODEL_ID = '0x8f410c63c244ba704a9f2f54fabdfadee2c8d7e5a2838e8ac1979e2045b574b7';
const EPOCH = 42;

function fixedSalt(label) {
  return BigInt('0x' + createHash('sha256').update('creditlayer.zk.fixture.salt.' + label).digest('hex')) % FIELD_MODULUS;
}

const ALICE = 0xa11ce000000000000000000000000000000a11cen;
const BOB = 0xb0b00000000000000000000000000000000b0b00n;
const modelId = modelIdField(MODEL_ID);
const scores = [
  [ALICE, 812],
  [BOB, 600],
  // Other borrowers of the epoch, so that the paths have non-empty siblings on both sides.
  [0x1000000000000000000000000000000000000001n, 455],
  [0x3000000000000000000000000000000000000003n, 690],
  [0xc00000000000000000000000000000000000ccc0n, 745],
  [0xfffffffffffffffffffffffffffffffffffffff0n, 301],
];
for (const [borrower] of scores) {
  if (borrower >= 1n << 160n) throw new Error('not a 20-byte address: 0x' + borrower.toString(16));
}
const entries = scores.map(([borrower, score]) => ({
  borrower, score, modelId, epoch: BigInt(EPOCH), salt: fixedSalt(borrower.toString(16)),
}));

const tree = (await referenceTree()).build(entries);
const vk = JSON.parse(readFileSync(vkFile, 'utf8'));
const hex32 = (value) => '0x' + BigInt(value).toString(16).padStart(64, '0');
const address = (value) => '0x' + value.toString(16).padStart(40, '0');

/** The uint256[8] proof in the order CreditOracle.proveTier takes it: a, b (snarkjs's coordinate swap), c. */
function proofWords(proof) {
  return [
    proof.pi_a[0], proof.pi_a[1],
    proof.pi_b[0][1], proof.pi_b[0][0], proof.pi_b[1][1], proof.pi_b[1][0],
    proof.pi_c[0], proof.pi_c[1],
  ].map(hex32);
}

async function fixture(borrower, tier) {
  const started = performance.now();
  const { proof, publicSignals } = await snarkjs.groth16.fullProve(tree.circuitInput(borrower, tier), wasmFile, zkeyFile);
  const provingMs = Math.round(performance.now() - started);
  if (!(await snarkjs.groth16.verify(vk, publicSignals, proof))) throw new Error('fixture proof does not verify');
  console.log(`fixture: tier ${tier} proof for ${address(borrower)} in ${provingMs} ms`);
  return { borrower: address(borrower), tier, proof: proofWords(proof), publicSignals: publicSignals.map(hex32), provingMs };
}

const fixtures = {
  modelId: MODEL_ID,
  epoch: EPOCH,
  root: hex32(tree.root),
  proofs: {
    aliceTier5: await fixture(ALICE, 5),
    aliceTier3: await fixture(ALICE, 3),
    bobTier2: await fixture(BOB, 2),
  },
};
writeFileSync(outFile, JSON.stringify(fixtures, null, 2) + '\n');
process.exit(0); // snarkjs keeps worker threads alive
