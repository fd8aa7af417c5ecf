// What vscode-languageclient needs of `semver` (node/main.ts checkVersion: parse VS Code's version, test it
// against its caret range), written out: the semver package is 20 KB of the extension's bundle, and the
// VSIX has a size budget. esbuild.mjs points `semver/functions/parse` and `/satisfies` here.

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

export function parse(version: string): Version | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ? m[4].split('.') : [] };
}

/** `version` against a caret range (`^1.91.0`), the only kind the client asks about; false for anything else. */
export function satisfies(version: Version | string, range: string): boolean {
  const v = typeof version === 'string' ? parse(version) : version;
  const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!v || !r || v.prerelease.length) return false;
  const [major, minor, patch] = [Number(r[1]), Number(r[2]), Number(r[3])];
  const atLeast = v.major !== major ? v.major > major : v.minor !== minor ? v.minor > minor : v.patch >= patch;
  // ^1.2.3: same major; ^0.2.3: same minor too; ^0.0.3: that patch only.
  if (major > 0) return v.major === major && atLeast;
  if (minor > 0) return v.major === 0 && v.minor === minor && atLeast;
  return v.major === 0 && v.minor === 0 && v.patch === patch;
}
