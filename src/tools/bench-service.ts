// The editor service as a library for the benchmark (bench/service.mjs): bundled to dist/tools/bench-service.js
// so the bench measures the code the language server ships. Nothing here is new API.
export { EditorService } from '../editor';
