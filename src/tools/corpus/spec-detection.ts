// Is each file a spec, by its content (issue 12)? specDecision, the rule the CLI's folder walk and the
// editor use, run on every document of the real corpus (which should all be specs) and of the not-specs
// corpus (which should not), with recall kept apart per split so the development figure can be read
// while tuning without seeing the locked test set's. Shared by `npm run eval` and the spec-detection test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueFor, specDecision } from '../../core';
import type { SourceOf, Split } from './evaluate';

export interface DetectionMiss {
  file: string;
  reason: string;
}

export interface SpecDetection {
  /** Real specs per split: detected, and those missed with the decision's reason. */
  specs: Record<Split, { detected: number; missed: DetectionMiss[] }>;
  /** Files of the not-specs corpus, and those taken for specs. */
  nonSpecs: number;
  falseSpecs: DetectionMiss[];
}

/** The Markdown and YAML documents of a corpus folder (its MANIFEST.md is about the corpus). */
export function corpusDocuments(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown|ya?ml)$/i.test(e.name) && e.name !== 'MANIFEST.md')
    .map((e) => e.name)
    .sort();
}

/** Measures detection; `sets` 'dev' leaves the test set's documents unread. */
export function measureSpecDetection(realDir: string, notSpecsDir: string, split: Map<string, SourceOf>, sets: 'all' | 'dev' = 'all'): SpecDetection {
  const catalogue = catalogueFor({});
  const decide = (dir: string, name: string) => specDecision(readFileSync(join(dir, name), 'utf8'), { isYaml: /\.ya?ml$/i.test(name), catalogue });
  const result: SpecDetection = { specs: { dev: { detected: 0, missed: [] }, test: { detected: 0, missed: [] } }, nonSpecs: 0, falseSpecs: [] };
  for (const file of corpusDocuments(realDir)) {
    // A document missing from split.yaml is development data: only the locked test set is listed as such.
    const set = split.get(file)?.split ?? 'dev';
    if (sets === 'dev' && set !== 'dev') continue;
    const decision = decide(realDir, file);
    if (decision.spec) result.specs[set].detected++;
    else result.specs[set].missed.push({ file, reason: decision.reason });
  }
  for (const file of corpusDocuments(notSpecsDir)) {
    result.nonSpecs++;
    const decision = decide(notSpecsDir, file);
    if (decision.spec) result.falseSpecs.push({ file, reason: decision.reason });
  }
  return result;
}

/** Precision and recall over the given splits (false specs count against every split's precision). */
export function detectionRates(d: SpecDetection, sets: readonly Split[]): { precision: number; recall: number; detected: number; specs: number } {
  const detected = sets.reduce((n, s) => n + d.specs[s].detected, 0);
  const specs = sets.reduce((n, s) => n + d.specs[s].detected + d.specs[s].missed.length, 0);
  const fp = d.falseSpecs.length;
  return { precision: detected + fp ? detected / (detected + fp) : 1, recall: specs ? detected / specs : 1, detected, specs };
}

/**
 * Markdown that is surely no spec, in bulk: the READMEs, API references and guides of the installed
 * packages (node_modules, pinned by package-lock.json). The thirteen not-specs above are few; a project's
 * own docs folder looks like these, and an editor opens such files all day. Not labelled data: a
 * package's docs are taken for not-specs, as they are.
 */
export function measurePackageDocs(nodeModules: string): { files: number; falseSpecs: DetectionMiss[] } {
  const catalogue = catalogueFor({});
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      // Symbolic links (.bin, workspaces) are left out: each real file is read once.
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) files.push(join(dir, e.name));
    }
  };
  walk(nodeModules);
  files.sort();
  const falseSpecs: DetectionMiss[] = [];
  for (const file of files) {
    const decision = specDecision(readFileSync(file, 'utf8'), { isYaml: false, catalogue });
    if (decision.spec) falseSpecs.push({ file: file.slice(nodeModules.length + 1), reason: decision.reason });
  }
  return { files: files.length, falseSpecs };
}
