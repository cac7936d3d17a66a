// Run by SnarkjsProver as `node -e <this> <snarkjs dir> <wasm> <zkey>`: reads one circuit input as JSON on stdin
// (never a file or an argument: it holds the borrower's salt) and prints four lines: the proof (snarkjs JSON), the
// public signals (JSON), the eight proveTier calldata words and the in-process proving time in nanoseconds.
'use strict';
const [snarkjsDir, wasm, zkey] = process.argv.slice(1);
const snarkjs = require(snarkjsDir);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  try {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const started = process.hrtime.bigint();
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(input, wasm, zkey);
    const elapsed = process.hrtime.bigint() - started;
    // b's Fp2 coordinates swapped, as the Solidity verifier and the pairing precompile take them.
    const calldata = [proof.pi_a[0], proof.pi_a[1], proof.pi_b[0][1], proof.pi_b[0][0], proof.pi_b[1][1],
      proof.pi_b[1][0], proof.pi_c[0], proof.pi_c[1]];
    process.stdout.write([JSON.stringify(proof), JSON.stringify(publicSignals), calldata.join(' '), String(elapsed)]
      .join('\n') + '\n');
    process.exit(0); // snarkjs keeps worker threads alive
  } catch (error) {
    process.stderr.write('fullprove: ' + String((error && error.message) || error).split('\n')[0] + '\n');
    process.exit(1);
  }
});
