// `npm run package`: the VSIX. vsce refuses a package.json with a `files` list (the npm package's) when
// there is also a .vscodeignore (the extension's), so it runs in a staging folder holding what
// .vscodeignore lets in and a package.json without `files`, and the README cut to what VS Code users need
// (vsix/extension-readme.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { extensionReadme } from './vsix/extension-readme';

const root = process.cwd();
const out = resolve(root, process.argv[2] ?? 'specroles.vsix');
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
// An allow list: "**", then "!path" or "!folder/**" for what goes in.
const allowed = ignore
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).replace(/\/\*\*$/, ''));
const stage = mkdtempSync(join(tmpdir(), 'specroles-vsix-'));
try {
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  for (const path of allowed) {
    if (path === 'package.json') continue;
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }
  writeFileSync(join(stage, 'README.md'), extensionReadme(readFileSync(join(root, 'README.md'), 'utf8')));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const vsce = join(dirname(createRequire(join(root, 'package.json')).resolve('@vscode/vsce/package.json')), 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
