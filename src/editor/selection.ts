// Is this open document a spec? The engine's selectSpec (the CLI's decision), over the editor's buffer:
// globs relative to the config that sets `files` (else the workspace folder), the editor's include and
// exclude settings where the config says nothing, then markers and content.
import { MAX_DECISION_CHARS, selectSpec, type Catalogue, type Config, type LoadedConfig, type SpecSelection } from '../core';
import type { EditorSettings } from './settings';
import { relativeTo } from './uri';

export interface SelectionInput {
  /** The document's path (uri.ts pathOf). */
  path: string;
  languageId: string;
  text: string;
  loaded: LoadedConfig;
  config: Config;
  catalogue: Catalogue;
  settings: EditorSettings;
  /** Paths of the workspace folders, for the globs' relative paths when no config sets `files`. */
  workspaceFolders: readonly string[];
}

export function isYamlDocument(languageId: string, path: string): boolean {
  return languageId === 'yaml' || (languageId !== 'markdown' && /\.ya?ml$/i.test(path));
}

export function selectDocument(input: SelectionInput): SpecSelection {
  const base = input.loaded.filesBase ?? input.workspaceFolders.find((f) => relativeTo(f, input.path) !== undefined);
  const rel = base !== undefined ? relativeTo(base, input.path) : undefined;
  return selectSpec(
    // Inside the workspace, only the path in it: the folders above it (a checkout under ~/specs/) say
    // nothing about which of its files are specs.
    { paths: [rel ?? input.path], isYaml: isYamlDocument(input.languageId, input.path), head: () => input.text.slice(0, MAX_DECISION_CHARS) },
    { config: input.config, catalogue: input.catalogue, include: input.settings.files.include, exclude: input.settings.files.exclude },
  );
}
