// Verifies many Groth16 cases with snarkjs's own groth16.verify in one Node process (loading snarkjs once).
//   node verify-batch.cjs <snarkjs package dir> <cases.json>
// cases.json: [{"vk": {...}, "proof": {...}, "publicSignals": [...]}, ...]
// Prints a JSON array with, per case, true, false, or "error: <message>" if snarkjs threw.
const fs = require('fs');
const snarkjs = require(process.argv[2]);
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

(async () => {
    const cases = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
    const results = [];
    for (const c of cases) {
        try {
            results.push(await snarkjs.groth16.verify(c.vk, c.publicSignals, c.proof, quiet));
        } catch (e) {
            results.push('error: ' + (e && e.message ? e.message : String(e)));
        }
    }
    process.stdout.write(JSON.stringify(results) + '\n');
    // snarkjs keeps curve worker threads alive
    process.exit(0);
})().catch(e => {
    console.error(e);
    process.exit(2);
});
