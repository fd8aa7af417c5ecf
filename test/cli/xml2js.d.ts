// The part of xml2js (a devDependency with no bundled types) that the JUnit test uses.
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: { explicitArray?: boolean; strict?: boolean }): Promise<any>;
}
