// Reference values from circomlibjs for the Java tests (io.creditlayer.zk.reference.Circomlibjs). Reads one JSON
// request on stdin and answers one line per item:
//   {"poseidon": [["1", "2"], ...]}                       -> "poseidon <hash>" per input list
//   {"tree": {"entries": [{borrower, score, modelId, epoch, salt}, ...], "paths": [borrower, ...]}}
//                                                          -> "root <root>", then per borrower
//                                                             "path <index> <leaf> <16 siblings> <16 index bits>"
// All numbers are decimal strings.
import { referenceTree } from '../ceremony/reference-tree.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const ref = await referenceTree();
const lines = [];
for (const inputs of request.poseidon ?? []) {
  lines.push('poseidon ' + ref.hash(inputs.map(BigInt)));
}
if (request.tree) {
  const entries = request.tree.entries.map((e) => ({
    borrower: BigInt(e.borrower), score: BigInt(e.score), modelId: BigInt(e.modelId), epoch: BigInt(e.epoch),
    salt: BigInt(e.salt),
  }));
  const tree = ref.build(entries);
  lines.push('root ' + tree.root);
  for (const borrower of request.tree.paths ?? []) {
    const { index, leaf, pathElements, pathIndices } = tree.pathOf(BigInt(borrower));
    lines.push(['path', index, leaf, ...pathElements, ...pathIndices].join(' '));
  }
}
process.stdout.write(lines.join('\n') + '\n');
process.exit(0);
