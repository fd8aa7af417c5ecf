#!/usr/bin/env node
// The `specroles` command's entry (dist/cli.js): a small loader for the bundle (dist/specroles.js, built from
// src/cli/main.ts) that keeps V8's compiled code of the bundle in a cache, so a run does not parse and
// compile ~1 MB of JavaScript before it lints (about 40 ms of a one-file run). Node 20 has no compile cache
// of its own (module.enableCompileCache is Node 22).
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
import { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { dirname, join, sep } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

/** sha256 of the bundle, first 16 hex digits, put here by esbuild.mjs when it builds this file. */
declare const SPECROLES_BUNDLE_HASH: string;

/** What the bundle (src/cli/main.ts) exports that this file calls. */
interface Bundle {
  main(onLinted?: () => void): void;
}

const bundlePath = join(__dirname, 'specroles.js');
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

function load(): void {
  const fd = openSync(bundlePath, 'r');
  let source: string;
  let key: string;
  try {
    const st = fstatSync(fd);
    source = readWhole(fd, st.size).toString('utf8');
    key = `${SPECROLES_BUNDLE_HASH}-${st.size}-${Math.trunc(st.mtimeMs)}`;
  } finally {
    closeSync(fd);
  }

  const dirs = cacheDirs().filter(trusted);
  const file = `${key}${SUFFIX}`;
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
        filename: bundlePath,
        ...(cached ? { cachedData: cached } : {}),
        ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
      }),
  );
  const accepted = cached !== undefined && !script.cachedDataRejected;

  let linted = false;
  if (dirs.length > 0 && (!accepted || !cachedLinted)) {
    process.once('exit', () => {
      if (accepted && !linted) return;
      save(dirs, file, linted, script);
    });
  }

  const bundle = new Module(bundlePath, module);
  bundle.filename = bundlePath;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const require = Module.createRequire(bundlePath);
  (script.runInThisContext() as (...args: unknown[]) => void).call(bundle.exports, bundle.exports, require, bundle, bundlePath, __dirname);
  bundle.loaded = true;
  (bundle.exports as Bundle).main(() => {
    linted = true;
  });
}

/** Writes the cache atomically (a temporary file renamed over it) to the first folder that takes it. */
function save(dirs: readonly string[], file: string, linted: boolean, script: Script): void {
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
      // Caches of other builds of the bundle for this Node that no run has written for a day are of no
      // more use (a day, so that two builds in use side by side do not delete each other's).
      for (const name of readdirSync(dir)) {
        if (name === file || !name.endsWith(SUFFIX)) continue;
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

load();
