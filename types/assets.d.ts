// Data files are turned into JSON by esbuild at build time (see esbuild.mjs) and validated at load time.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
declare module '*.md' {
  const text: string;
  export default text;
}
