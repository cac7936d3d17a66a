// Reference implementation of the epoch tier tree (docs/zk.md) on circomlibjs's Poseidon: the independent side
// that the circuit tests, the proof fixtures and the Java TierTree tests are checked against.
//
// Leaves are the entries sorted by borrower address, at indices 0..n-1; every other leaf is 0. A sparse walk with
// precomputed empty-subtree hashes keeps a 65,536-leaf tree cheap: only the occupied paths are hashed.
import { buildPoseidon } from 'circomlibjs';

export const DEPTH = 16;
export const FIELD_MODULUS = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** tier-policy-v1 floors, index = tier. */
export const TIER_FLOORS = [undefined, 300, 580, 670, 740, 800];

/** uint256(bytes32 modelId) >> 8: below 2^248, so it fits the field. */
export function modelIdField(modelIdBytes32Hex) {
  return BigInt(modelIdBytes32Hex) >> 8n;
}

export async function referenceTree() {
  const poseidon = await buildPoseidon();
  const F = poseidon.F;
  const hash = (inputs) => F.toObject(poseidon(inputs));

  const zeros = [0n];
  for (let level = 0; level < DEPTH; level++) zeros.push(hash([zeros[level], zeros[level]]));

  function leafHash({ borrower, score, modelId, epoch, salt }) {
    return hash([borrower, BigInt(score), modelId, BigInt(epoch), salt]);
  }

  /** Builds the tree of `entries` ({borrower, score, modelId, epoch, salt}, bigint fields). */
  function build(entries) {
    const sorted = [...entries].sort((a, b) => (a.borrower < b.borrower ? -1 : a.borrower > b.borrower ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].borrower === sorted[i - 1].borrower) throw new Error('duplicate borrower ' + sorted[i].borrower);
    }
    if (sorted.length > 2 ** DEPTH) throw new Error('too many entries for depth ' + DEPTH);
    const levels = [new Map(sorted.map((entry, index) => [index, leafHash(entry)]))];
    for (let level = 0; level < DEPTH; level++) {
      const next = new Map();
      for (const index of levels[level].keys()) {
        const parent = index >> 1;
        if (next.has(parent)) continue;
        const left = levels[level].get(parent * 2) ?? zeros[level];
        const right = levels[level].get(parent * 2 + 1) ?? zeros[level];
        next.set(parent, hash([left, right]));
      }
      levels.push(next);
    }
    const root = levels[DEPTH].get(0) ?? zeros[DEPTH];

    function pathOf(borrower) {
      const index = sorted.findIndex((entry) => entry.borrower === borrower);
      if (index < 0) throw new Error('no entry for borrower ' + borrower);
      const pathElements = [];
      const pathIndices = [];
      for (let level = 0; level < DEPTH; level++) {
        const node = index >> level;
        pathElements.push(levels[level].get(node ^ 1) ?? zeros[level]);
        pathIndices.push(node & 1);
      }
      return { index, leaf: levels[0].get(index), pathElements, pathIndices };
    }

    /** Circuit input for `borrower` claiming `tier`, as decimal strings (snarkjs's input format). */
    function circuitInput(borrower, tier) {
      const entry = sorted.find((e) => e.borrower === borrower);
      if (!entry) throw new Error('no entry for borrower ' + borrower);
      const { pathElements, pathIndices } = pathOf(borrower);
      return {
        root: root.toString(),
        borrower: entry.borrower.toString(),
        tier: String(tier),
        modelId: entry.modelId.toString(),
        epoch: entry.epoch.toString(),
        score: entry.score.toString(),
        salt: entry.salt.toString(),
        pathElements: pathElements.map(String),
        pathIndices: pathIndices.map(String),
      };
    }

    return { root, entries: sorted, pathOf, circuitInput };
  }

  return { hash, leafHash, build, zeros };
}
