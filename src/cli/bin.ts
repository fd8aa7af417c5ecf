#!/usr/bin/env node
// The `specroles` command's entry (dist/cli.js): a small loader for the bundle (dist/specroles.js, built from
// src/cli/main.ts) that keeps V8's compiled code of the bundle in a cache, so a run does not parse and
// compile ~1 MB of JavaScript before it lints (about 40 ms of a one-file run). Node 20 has no compile cache
// of its own (module.enableCompileCache is Node 22). zod (dist/zod.js), which the bundle requires only
// when it validates a config or unusual front matter, is loaded the same way.
//
// The cache is only ever an optimisation: the bundle is evaluated from its source; V8 takes the cached code
// only when it was made by the same V8 with the same flags for a source of the same length, and the file's
// name holds a hash of the bundle's content (made at build time), its size and mtime, so a rebuilt or edited
// bundle never meets an old cache. A cache that cannot be read, is rejected, or cannot be written costs
// nothing more than a run without it. SPECROLES_CODE_CACHE=0 turns it off; SPECROLES_CODE_CACHE=DIR puts
// it in DIR. Otherwise it is node_modules/.cache/specroles in the node_modules folder that holds the
// package, or a folder of the user's own in the OS temp folder when there is none or it is not writable.
//
// Nothing but Node's built-ins may be imported here: this file is compiled on every run.
import { isAscii } from 'node:buffer';
import { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { dirname, join, sep } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

/** sha256 of each file loaded here (file name → first 16 hex digits), put here by esbuild.mjs when it builds this file. */
declare const SPECROLES_HASHES: Record<string, string>;

/** What the bundle (src/cli/main.ts) exports that this file calls. */
interface Bundle {
  main(onLinted?: () => void, loader?: string): void;
}

/**
 * The tag of a lint worker (WORKER_TAG in src/cli/util.ts), which the pool puts in a worker's argv: the
 * bundle, once evaluated, runs the worker loop itself. Lint workers start at this file too, so they
 * compile the bundle through the code cache as well.
 */
const WORKER_TAG = 'specroles-lint-worker';

/** The end of a cache file's name: V8 rejects another version's cache, so each Node keeps its own. */
const SUFFIX = `-${process.version}-${process.arch}.v8cache`;

/** Folders to read the cache from and write it to, in order. */
function cacheDirs(): string[] {
  const setting = process.env.SPECROLES_CODE_CACHE;
  if (setting !== undefined && setting !== '') return /^(0|false|off|no)$/i.test(setting) ? [] : [setting];
  const dirs: string[] = [];
  // Installed: the node_modules folder the package is in; a checkout of the repository: its own.
  const packageRoot = dirname(__dirname);
  const at = packageRoot.lastIndexOf(`${sep}node_modules${sep}`);
  const nodeModules = at >= 0 ? packageRoot.slice(0, at + `${sep}node_modules`.length) : join(packageRoot, 'node_modules');
  if (at >= 0 || existsSync(nodeModules)) dirs.push(join(nodeModules, '.cache', 'specroles'));
  const uid = process.getuid?.();
  dirs.push(join(tmpdir(), `specroles-code-cache${uid === undefined ? '' : `-${uid}`}`));
  return dirs;
}

/** A folder in the shared temp folder is used only when it is this user's and nobody else may write to it. */
function trusted(dir: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || !dir.startsWith(tmpdir())) return true;
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0;
  } catch {
    return true; // not there yet: made with mode 0700 when written
  }
}

function readWhole(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) throw new Error('short read');
    read += n;
  }
  return buffer;
}

/**
 * V8 checks a code cache's version, flags and source length, but in a release build not that its bytes are
 * intact: a damaged cache file can crash the process. With --verify-snapshot-checksum V8 writes a checksum
 * into the caches it makes and rejects one whose bytes do not match it. Only while this file makes or reads
 * the cache: left on, it makes Node's own built-in modules compile from source (their code caches have no
 * checksum).
 */
function withChecksums<T>(f: () => T): T {
  setFlagsFromString('--verify-snapshot-checksum');
  try {
    return f();
  } finally {
    setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/** A file of this package compiled with its code cache, if it had one. */
interface Compiled {
  path: string;
  /** The cache file's name. */
  file: string;
  script: Script;
  accepted: boolean;
  /** Whether the cache taken was written by a run that linted (see its first byte). */
  cachedLinted: boolean;
}

/** Reads dist/NAME and its cache (the first one found in `dirs`) and compiles it, with the cache if V8 takes it. */
function compile(name: string, dirs: readonly string[]): Compiled {
  const path = join(__dirname, name);
  const fd = openSync(path, 'r');
  let source: string;
  let file: string;
  try {
    const st = fstatSync(fd);
    // A bundle that is all ASCII (esbuild escapes the rest; see classify/normalise.ts) is read as Latin-1,
    // the same text ~1 ms sooner than decoding it as UTF-8.
    const bytes = readWhole(fd, st.size);
    source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    file = `${name.replace(/\.js$/, '')}-${SPECROLES_HASHES[name] ?? 'unknown'}-${st.size}-${Math.trunc(st.mtimeMs)}${SUFFIX}`;
  } finally {
    closeSync(fd);
  }
  // A cache file's first byte says whether the run that wrote it linted (1) or not (0): one written by, say,
  // `specroles --version` lacks the linting code, and the next run that lints writes a fuller one.
  let cached: Buffer | undefined;
  let cachedLinted = false;
  for (const dir of dirs) {
    try {
      const data = readFileSync(join(dir, file));
      if (data.length > 1) {
        cached = data.subarray(1);
        cachedLinted = data[0] === 1;
        break;
      }
    } catch {
      // none there
    }
  }
  const script = withChecksums(
    () =>
      new Script(Module.wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source), {
        filename: path,
        ...(cached ? { cachedData: cached } : {}),
        ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
      }),
  );
  return { path, file, script, accepted: cached !== undefined && !script.cachedDataRejected, cachedLinted };
}

/** Runs a compiled file as a CommonJS module, as Node would. */
function evaluate(compiled: Compiled, require: NodeJS.Require): Module {
  const m = new Module(compiled.path, module);
  m.filename = compiled.path;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  (compiled.script.runInThisContext() as (...args: unknown[]) => void).call(m.exports, m.exports, require, m, compiled.path, __dirname);
  m.loaded = true;
  return m;
}

function load(): void {
  // Node maps stack traces through source maps (--enable-source-maps, a development build's) only for
  // what it loads itself: then the bundle is required as usual, without the cache.
  const worker = process.argv.includes(WORKER_TAG);
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) {
    const required = Module.createRequire(__filename)('./specroles.js') as Bundle;
    if (!worker) required.main(undefined, __filename);
    return;
  }
  const dirs = cacheDirs().filter(trusted);
  const bundle = compile('specroles.js', dirs);
  let zod: Compiled | undefined;
  let zodExports: unknown;
  let linted = false;

  // A worker only reads the cache: the run's main thread writes it.
  if (dirs.length > 0 && !worker) {
    process.once('exit', () => {
      if (!bundle.accepted || (linted && !bundle.cachedLinted)) save(dirs, bundle, linted);
      if (zod && !zod.accepted) save(dirs, zod, true);
    });
  }

  // The bundle requires zod (dist/zod.js, see esbuild.mjs) only when it validates something: through the
  // cache too.
  const nodeRequire = Module.createRequire(bundle.path);
  const bundleRequire = Object.assign((id: string): unknown => {
    if (id !== './zod.js') return nodeRequire(id);
    return (zodExports ??= evaluate((zod = compile('zod.js', dirs)), Module.createRequire(join(__dirname, 'zod.js'))).exports);
  }, nodeRequire);
  const exports = evaluate(bundle, bundleRequire).exports as Bundle;
  if (worker) return;
  exports.main(() => {
    linted = true;
  }, __filename);
}

/** Writes the cache atomically (a temporary file renamed over it) to the first folder that takes it. */
function save(dirs: readonly string[], compiled: Compiled, linted: boolean): void {
  const { file, script } = compiled;
  const stem = file.slice(0, file.indexOf('-') + 1);
  let data: Buffer;
  try {
    data = withChecksums(() => script.createCachedData());
  } catch {
    return;
  }
  for (const dir of dirs) {
    const temporary = join(dir, `.${file}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true, ...(dir.startsWith(tmpdir()) ? { mode: 0o700 } : {}) });
      if (!trusted(dir)) continue;
      writeFileSync(temporary, Buffer.concat([Buffer.from([linted ? 1 : 0]), data]), { mode: 0o600 });
      renameSync(temporary, join(dir, file));
      // Caches of other builds of this file for this Node that no run has written for a day are of no
      // more use (a day, so that two builds in use side by side do not delete each other's).
      for (const name of readdirSync(dir)) {
        if (name === file || !name.startsWith(stem) || !name.endsWith(SUFFIX)) continue;
        try {
          if (Date.now() - statSync(join(dir, name)).mtimeMs > 86_400_000) unlinkSync(join(dir, name));
        } catch {
          // another process's, or gone already
        }
      }
      return;
    } catch {
      try {
        unlinkSync(temporary);
      } catch {
        // not written
      }
    }
  }
}

/**
 * A run lints and exits: its young generation need not grow. V8 doubles the new space each time a
 * scavenge finds much alive, up to 16 MB a semi-space (32 MB of RSS with both halves and the copy); a
 * lint's objects mostly die young, so that memory buys little time. Kept at its starting size, a 1 MB
 * spec's lint peaks near 88 MB of RSS instead of 118 MB, and is no slower (issue 17; wall and CPU time
 * measured with GNU time). Not where the user set the new space's size themselves, and only on the V8
 * versions known to have the flag (Node 20 to 24): another prints "unrecognized flag" on stderr.
 */
function keepNewSpaceSmall(): void {
  const asked = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('semi-space'));
  const v8Major = Number(process.versions.v8.split('.')[0]);
  if (!asked && v8Major >= 11 && v8Major <= 13) setFlagsFromString('--semi-space-growth-factor=1');
}

keepNewSpaceSmall();
load();
