pragma circom 2.0.0;

// The includes resolve against a build directory that holds this file with circomlib's circuits copied beside it
// (zk-attestation/ceremony/ceremony.sh lays it out): circom2 runs in WebAssembly and sees only its working directory.
include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/switcher.circom";

/*
 * TierProof: a borrower proves that the score the scoring service committed for them in an epoch's tree clears
 * the floor of the tier they claim, without revealing the score.
 *
 * Every scoring epoch the service builds a binary Poseidon Merkle tree of fixed depth whose leaves are
 *
 *     leaf = Poseidon(borrower, score, modelId, epoch, salt)
 *
 * and posts its root on-chain (CreditOracle.postTierRoot) together with the model and the epoch. The borrower
 * receives their leaf's salt and Merkle path. To claim a tier they prove knowledge of a score, a salt and a path
 * such that the leaf built from the public borrower, modelId and epoch and the private score and salt hashes up to
 * the public root, and the score is at least the floor of the claimed tier (tier-policy-v1).
 *
 * The salt, a uniformly random field element known only to the service and the borrower, hides the score: without
 * it, a leaf for a known borrower, model and epoch could be brute-forced over the 551 possible scores.
 *
 * Public inputs, in this order (it is snarkjs's public signal order): root, borrower, tier, modelId, epoch.
 * The contract builds borrower (msg.sender), modelId and epoch itself, so a proof made for one borrower, model or
 * epoch is worthless for any other.
 *
 * Every value the proof relies on is range-checked by bit decomposition, so no field element can stand for an
 * out-of-range value by wrapping around the field modulus:
 *   borrower < 2^160 (an address), epoch < 2^32, modelId < 2^248 (bytes32 >> 8), score in 300..850,
 *   tier in 1..5, every path index 0 or 1.
 */
template TierProof(depth) {
    // Public inputs. Circom numbers public inputs in declaration order, so this order is the verifier's.
    signal input root;
    signal input borrower;
    signal input tier;
    signal input modelId;
    signal input epoch;

    // Private inputs.
    signal input score;
    signal input salt;
    signal input pathElements[depth];
    signal input pathIndices[depth];

    // Score floors of tier-policy-v1, for tiers 1..5.
    var FLOORS[5] = [300, 580, 670, 740, 800];
    var MIN_SCORE = 300;
    var MAX_SCORE = 850;
    // 850 < 2^10, so ten bits hold every valid score and every floor; the comparators below need their operands
    // to fit in SCORE_BITS bits, which the decomposition of score guarantees.
    var SCORE_BITS = 10;

    // 1. Public values the contract passes in are in their declared ranges. The leaf hash binds them to the
    // committed entry; these checks make sure that no second representative of the same field element exists.
    component borrowerBits = Num2Bits(160);
    borrowerBits.in <== borrower;
    component modelIdBits = Num2Bits(248);
    modelIdBits.in <== modelId;
    component epochBits = Num2Bits(32);
    epochBits.in <== epoch;

    // 2. The score is a ten-bit integer in MIN_SCORE..MAX_SCORE. Without the decomposition a "negative" score
    // (r - x) would wrap the comparators.
    component scoreBits = Num2Bits(SCORE_BITS);
    scoreBits.in <== score;
    component scoreAboveMin = GreaterEqThan(SCORE_BITS);
    scoreAboveMin.in[0] <== score;
    scoreAboveMin.in[1] <== MIN_SCORE;
    scoreAboveMin.out === 1;
    component scoreBelowMax = LessEqThan(SCORE_BITS);
    scoreBelowMax.in[0] <== score;
    scoreBelowMax.in[1] <== MAX_SCORE;
    scoreBelowMax.out === 1;

    // 3. The tier selects exactly one of the five floors: a one-hot selector whose bits sum to one, so any tier
    // outside 1..5 (0, 6, or any other field element) selects nothing and fails.
    component isTier[5];
    var selected = 0;
    var floor = 0;
    for (var t = 0; t < 5; t++) {
        isTier[t] = IsEqual();
        isTier[t].in[0] <== tier;
        isTier[t].in[1] <== t + 1;
        selected += isTier[t].out;
        floor += isTier[t].out * FLOORS[t];
    }
    selected === 1;

    // 4. The score clears the claimed tier's floor. Both operands are below 2^SCORE_BITS (the score by step 2,
    // the floor by construction).
    component clearsFloor = GreaterEqThan(SCORE_BITS);
    clearsFloor.in[0] <== score;
    clearsFloor.in[1] <== floor;
    clearsFloor.out === 1;

    // 5. The leaf commits to the borrower's entry of this model's epoch.
    component leaf = Poseidon(5);
    leaf.inputs[0] <== borrower;
    leaf.inputs[1] <== score;
    leaf.inputs[2] <== modelId;
    leaf.inputs[3] <== epoch;
    leaf.inputs[4] <== salt;

    // 6. Walk the Merkle path from the leaf to the root. At level k, pathIndices[k] (bit k of the leaf index) says
    // whether the current node is the left (0) or the right (1) child; the switcher puts it on that side and its
    // sibling on the other. The switcher assumes a binary selector, so each index is constrained to 0 or 1: any
    // other value would mix the two children into a node the tree never had.
    component switchers[depth];
    component hashers[depth];
    signal levelHashes[depth + 1];
    levelHashes[0] <== leaf.out;
    for (var k = 0; k < depth; k++) {
        pathIndices[k] * (1 - pathIndices[k]) === 0;

        switchers[k] = Switcher();
        switchers[k].sel <== pathIndices[k];
        switchers[k].L <== levelHashes[k];
        switchers[k].R <== pathElements[k];

        hashers[k] = Poseidon(2);
        hashers[k].inputs[0] <== switchers[k].outL;
        hashers[k].inputs[1] <== switchers[k].outR;
        levelHashes[k + 1] <== hashers[k].out;
    }

    // 7. The computed root is the posted one.
    root === levelHashes[depth];
}

// Depth 16: 65,536 leaves per model and epoch.
component main {public [root, borrower, tier, modelId, epoch]} = TierProof(16);
