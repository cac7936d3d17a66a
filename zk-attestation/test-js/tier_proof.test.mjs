// Circuit tests for zk-attestation/circuits/tier_proof.circom, run with `node --test` (the zk-attestation Maven
// module runs them in its test phase). They use the circuit the ceremony compiled (<repo>/.cache/zk) and build
// every tree with circomlibjs's Poseidon (reference-tree.mjs), an implementation independent of the circuit.
//
// expectPass: the witness calculator accepts the input and the witness satisfies every R1CS constraint.
// expectFail: the witness calculator refuses the input (a failed `===` assertion) or the witness violates a
// constraint. The inputs are built from honest trees that really contain the offending values (an out-of-range
// score, a "negative" borrower...), so that the root matches and only the check under test can reject them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as snarkjs from 'snarkjs';
import { referenceTree, modelIdField, FIELD_MODULUS as r, DEPTH, TIER_FLOORS } from '../ceremony/reference-tree.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const zk = path.join(repo, '.cache', 'zk');
for (const file of ['tier_proof.wasm', 'tier_proof.r1cs', 'tier_proof_final.zkey', 'verification_key.json']) {
  if (!existsSync(path.join(zk, file))) {
    throw new Error(`${path.join(zk, file)} is missing: run zk-attestation/ceremony/ceremony.sh (the Maven build does)`);
  }
}

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const wasmFile = path.join(zk, 'tier_proof.wasm');
const r1csBytes = readFileSync(path.join(zk, 'tier_proof.r1cs'));
let ref;

const MODEL_ID = modelIdField('0x' + 'c0ffee'.repeat(10) + 'beef');
const EPOCH = 7n;
const ALICE = 0xa11ce000000000000000000000000000000a11cen;
const BOB = 0xb0b00000000000000000000000000000000b0b00n;
const CAROL = 0xca401000000000000000000000000000000ca401n;

function randomField() {
  return BigInt('0x' + randomBytes(32).toString('hex')) % r;
}

function entry(borrower, score, overrides = {}) {
  return { borrower, score: BigInt(score), modelId: MODEL_ID, epoch: EPOCH, salt: randomField(), ...overrides };
}

/** An honest tree in which `borrower` holds `score` (or the overridden fields); returns the circuit input. */
function inputFor(borrower, score, tier, overrides = {}) {
  const tree = ref.build([entry(borrower, score, overrides), entry(BOB, 640), entry(CAROL, 790)]);
  return tree.circuitInput(borrower, tier);
}

/** The witness file snarkjs computes for `input` (in memory); throws when the witness calculator refuses it. */
async function witness(input) {
  const wtns = { type: 'mem' };
  await snarkjs.wtns.calculate(input, wasmFile, wtns);
  return wtns;
}

/** Runs `action` with console output muted: circom's witness calculator prints every failed assertion. */
async function quietly(action) {
  const { error, log } = console;
  console.error = console.log = () => {};
  try {
    return await action();
  } finally {
    console.error = error;
    console.log = log;
  }
}

async function witnessOk(input) {
  let wtns;
  try {
    wtns = await quietly(() => witness(input));
  } catch (error) {
    return { ok: false, reason: String(error.message).split('\n')[0] };
  }
  const satisfied = await snarkjs.wtns.check({ type: 'mem', data: r1csBytes }, wtns, silent);
  return { ok: satisfied, reason: satisfied ? 'satisfied' : 'R1CS not satisfied' };
}

async function expectPass(input) {
  const { ok, reason } = await witnessOk(input);
  assert.ok(ok, 'expected a valid witness, got: ' + reason);
}

async function expectFail(input) {
  const { ok } = await witnessOk(input);
  assert.equal(ok, false, 'expected the circuit to reject the input');
}

before(async () => {
  ref = await referenceTree();
});

describe('valid witnesses', () => {
  test('every tier at exactly its floor', async () => {
    for (let tier = 1; tier <= 5; tier++) await expectPass(inputFor(ALICE, TIER_FLOORS[tier], tier));
  });

  test('a score may claim any lower tier', async () => {
    for (let tier = 1; tier <= 5; tier++) await expectPass(inputFor(ALICE, 850, tier));
  });

  test('score range boundaries 300 and 850', async () => {
    await expectPass(inputFor(ALICE, 300, 1));
    await expectPass(inputFor(ALICE, 850, 5));
  });

  test('extreme but valid public values: largest address, modelId and epoch', async () => {
    const borrower = (1n << 160n) - 1n;
    await expectPass(inputFor(borrower, 700, 3, { modelId: (1n << 248n) - 1n, epoch: (1n << 32n) - 1n }));
  });

  test('a lone entry in an otherwise empty tree', async () => {
    const tree = ref.build([entry(ALICE, 745)]);
    await expectPass(tree.circuitInput(ALICE, 4));
  });

  test('leaf indices 0, 2^16 - 1 and random ones, with random siblings', async () => {
    for (const index of [0, 0xffff, 0x5a5a, Math.floor(Math.random() * 0x10000)]) {
      const leafEntry = entry(ALICE, 700);
      const pathElements = Array.from({ length: DEPTH }, randomField);
      const pathIndices = Array.from({ length: DEPTH }, (_, k) => (index >> k) & 1);
      let node = ref.leafHash(leafEntry);
      for (let k = 0; k < DEPTH; k++) {
        node = pathIndices[k] === 0 ? ref.hash([node, pathElements[k]]) : ref.hash([pathElements[k], node]);
      }
      await expectPass({
        root: node.toString(), borrower: ALICE.toString(), tier: '3', modelId: MODEL_ID.toString(), epoch: EPOCH.toString(),
        score: '700', salt: leafEntry.salt.toString(),
        pathElements: pathElements.map(String), pathIndices: pathIndices.map(String),
      });
    }
  });
});

describe('score below the claimed tier floor', () => {
  for (let tier = 1; tier <= 5; tier++) {
    test(`tier ${tier}: floor ${TIER_FLOORS[tier]} - 1`, async () => {
      await expectFail(inputFor(ALICE, TIER_FLOORS[tier] - 1, tier));
    });
  }

  test('tier 5 with every score from 300 to 799', async () => {
    // Coarse sweep: a comparator bug would typically show at some bit boundary.
    for (const score of [300, 511, 512, 579, 580, 669, 670, 739, 740, 767, 768, 799]) {
      await expectFail(inputFor(ALICE, score, 5));
    }
  });
});

describe('Merkle path', () => {
  test('wrong path element at the bottom, the middle and the top', async () => {
    for (const level of [0, 7, DEPTH - 1]) {
      const input = inputFor(ALICE, 700, 3);
      input.pathElements[level] = (BigInt(input.pathElements[level]) + 1n).toString();
      await expectFail(input);
    }
  });

  test('wrong path index (one bit flipped) at each level', async () => {
    for (let level = 0; level < DEPTH; level++) {
      const input = inputFor(ALICE, 700, 3);
      input.pathIndices[level] = String(1 - Number(input.pathIndices[level]));
      await expectFail(input);
    }
  });

  test('non-binary path index: 2, and -1 as r - 1', async () => {
    for (const bad of [2n, r - 1n]) {
      const input = inputFor(ALICE, 700, 3);
      input.pathIndices[0] = bad.toString();
      await expectFail(input);
    }
  });

  test('another root', async () => {
    const input = inputFor(ALICE, 700, 3);
    input.root = inputFor(ALICE, 700, 3).root; // same entry, another salt
    await expectFail(input);
  });

  test('wrong salt', async () => {
    const input = inputFor(ALICE, 700, 3);
    input.salt = (BigInt(input.salt) + 1n).toString();
    await expectFail(input);
  });
});

describe('public values bound by the leaf', () => {
  test('wrong borrower: Bob presents Alice\'s path', async () => {
    const input = inputFor(ALICE, 812, 5);
    input.borrower = BOB.toString();
    await expectFail(input);
  });

  test('wrong modelId', async () => {
    const input = inputFor(ALICE, 700, 3);
    input.modelId = (MODEL_ID + 1n).toString();
    await expectFail(input);
  });

  test('wrong epoch', async () => {
    const input = inputFor(ALICE, 700, 3);
    input.epoch = (EPOCH + 1n).toString();
    await expectFail(input);
  });

  test('higher score than committed', async () => {
    const input = inputFor(ALICE, 700, 3);
    input.score = '820';
    input.tier = '5';
    await expectFail(input);
  });
});

describe('out-of-range values committed in an honest tree', () => {
  for (const score of [299n, 851n, 1023n, 1024n, 1n << 200n, r - 1n, r - 550n]) {
    test(`score ${score > 1n << 64n ? '0x' + score.toString(16) : score}`, async () => {
      await expectFail(inputFor(ALICE, score, 1));
    });
  }

  for (const tier of [0n, 6n, 7n, 8n, 1n << 100n, r - 1n]) {
    test(`tier ${tier > 1n << 64n ? '0x' + tier.toString(16) : tier} with score 850`, async () => {
      await expectFail(inputFor(ALICE, 850, tier));
    });
  }

  test('borrower 2^160 and -1 (r - 1)', async () => {
    for (const borrower of [1n << 160n, r - 1n]) await expectFail(inputFor(borrower, 700, 3));
  });

  test('modelId 2^248 and -1 (r - 1)', async () => {
    for (const modelId of [1n << 248n, r - 1n]) await expectFail(inputFor(ALICE, 700, 3, { modelId }));
  });

  test('epoch 2^32 and -1 (r - 1)', async () => {
    for (const epoch of [1n << 32n, r - 1n]) await expectFail(inputFor(ALICE, 700, 3, { epoch }));
  });

  test('score -100 (r - 100) claiming tier 5', async () => {
    await expectFail(inputFor(ALICE, r - 100n, 5));
  });
});

describe('field aliases', () => {
  test('r + x inputs are the same field element: the witness equals the canonical one', async () => {
    // The witness calculator reduces inputs modulo r, so "r + 700" cannot stand for anything but 700; what a
    // proof binds is always the canonical value, which the range checks above cover.
    const canonical = inputFor(ALICE, 700, 3);
    const aliased = { ...canonical, score: (700n + r).toString(), borrower: (ALICE + r).toString(), tier: (3n + r).toString() };
    const a = await witness(canonical);
    const b = await witness(aliased);
    assert.deepEqual(Buffer.from(b.data), Buffer.from(a.data));
  });

  test('a proof does not verify with any public signal replaced by its alias x + r', async () => {
    const vk = JSON.parse(readFileSync(path.join(zk, 'verification_key.json'), 'utf8'));
    const input = inputFor(ALICE, 760, 4);
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(
      input, wasmFile, path.join(zk, 'tier_proof_final.zkey'));
    assert.deepEqual(publicSignals, [input.root, input.borrower, input.tier, input.modelId, input.epoch],
      'public signals are [root, borrower, tier, modelId, epoch]');
    assert.equal(await snarkjs.groth16.verify(vk, publicSignals, proof), true);
    for (let i = 0; i < publicSignals.length; i++) {
      const aliased = [...publicSignals];
      aliased[i] = (BigInt(aliased[i]) + r).toString();
      assert.equal(await snarkjs.groth16.verify(vk, aliased, proof), false, `alias of public signal ${i} verified`);
    }
    const otherTier = [...publicSignals];
    otherTier[2] = '5';
    assert.equal(await snarkjs.groth16.verify(vk, otherTier, proof), false, 'the proof verified for another tier');
  });
});

// snarkjs's curve keeps worker threads alive; without this the test process would not exit.
after(async () => globalThis.curve_bn128?.terminate());
