// Times snarkjs's groth16.verify in a warm Node process: snarkjs is loaded once, the files are read once, then
// the same proof is verified over and over; prints the median (and p90, mean) of single-call times as JSON.
//   node snarkjs-verify-bench.cjs <snarkjs package dir> <fixture dir> [warmup calls] [timed calls]
// The fixture dir holds verification_key.json, proof.json and public.json.
const fs = require('fs');
const path = require('path');
const snarkjs = require(process.argv[2]);
const fixture = process.argv[3];
const warmup = Number(process.argv[4] || 30);
const timed = Number(process.argv[5] || 200);
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function read(name) {
    return JSON.parse(fs.readFileSync(path.join(fixture, name), 'utf8'));
}

(async () => {
    const vk = read('verification_key.json');
    const proof = read('proof.json');
    const publicSignals = read('public.json');
    for (let i = 0; i < warmup; i++) {
        if (!(await snarkjs.groth16.verify(vk, publicSignals, proof, quiet))) {
            throw new Error('the benchmark proof does not verify');
        }
    }
    const times = [];
    for (let i = 0; i < timed; i++) {
        const start = process.hrtime.bigint();
        await snarkjs.groth16.verify(vk, publicSignals, proof, quiet);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const median = times.length % 2 ? times[(times.length - 1) / 2]
        : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    process.stdout.write(JSON.stringify({
        calls: times.length, medianMs: median, minMs: times[0], p90Ms: times[Math.floor(times.length * 0.9)], meanMs: mean,
    }) + '\n');
    // snarkjs keeps curve worker threads alive
    process.exit(0);
})().catch(e => {
    console.error(e);
    process.exit(1);
});
