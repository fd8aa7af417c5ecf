// `npm run fuzz`: the properties of test/fuzz/properties.test.ts with a large budget (FUZZ_RUNS, default
// 20000 runs per property) and a random seed, printed so a failure can be replayed:
//   FUZZ_SEED=<seed> npm run fuzz          FUZZ_RUNS=500 FUZZ_SEED=<seed> npm run fuzz
// fast-check also prints the seed and the shrink path of any counterexample it finds.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.FUZZ_RUNS ??= '20000';
env.FUZZ_SEED ??= String(Math.floor(Math.random() * 0x7fffffff));
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SEED=${env.FUZZ_SEED}  (replay: FUZZ_SEED=${env.FUZZ_SEED} npm run fuzz)`);
const mocha = require.resolve('mocha/bin/mocha.js');
const run = spawnSync(process.execPath, [mocha, '--no-config', '--enable-source-maps', '--timeout', '0', 'dist/test/fuzz/properties.test.js'], { stdio: 'inherit', env });
if (run.status !== 0) console.log(`fuzz: failed; replay with FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} npm run fuzz`);
process.exit(run.status ?? 1);
