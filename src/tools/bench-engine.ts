// The engine as a library for the benchmark (bench/run.mjs): bundled to dist/tools/bench-engine.js so
// the bench measures exactly the code the CLI and the extension ship. Nothing here is new API.
export { lint, lintIncremental } from '../core';
