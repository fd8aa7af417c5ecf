// Data files are bundled as text by esbuild (see esbuild.mjs) and parsed and validated at load time.
declare module '*.yaml' {
  const text: string;
  export default text;
}
declare module '*.md' {
  const text: string;
  export default text;
}
