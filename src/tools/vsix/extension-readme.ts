// The README the VSIX carries (the Marketplace page and VS Code's extension details): the project README cut
// to what someone in VS Code needs. The CLI, CI, pre-commit, remark and development sections stay on the
// repository's page, one link away; every byte of the VSIX counts against its 400 KB budget.

/** The README's `## ` sections the extension's page keeps, in their order there. */
export const EXTENSION_SECTIONS = ['How it decides', 'Rules', 'In VS Code', 'Annotations and directives', 'Configuration'];

/** Where links to the sections left out go. */
export const FULL_README = 'https://github.com/specroles/specroles#readme';

interface Section {
  title: string;
  text: string;
}

/** The README split at its `## ` headings outside code fences; the part before the first is titled ''. */
export function sectionsOf(readme: string): Section[] {
  const out: Section[] = [{ title: '', text: '' }];
  let fence: string | undefined;
  for (const line of readme.split(/(?<=\n)/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    const heading = !fence && !marker ? /^## (.+?)\s*$/.exec(line)?.[1] : undefined;
    if (heading !== undefined) out.push({ title: heading, text: '' });
    out[out.length - 1]!.text += line;
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/<!--.*?-->/g, '')
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** The extension's README: the intro and EXTENSION_SECTIONS; in-page links to other sections go to the full README. */
export function extensionReadme(readme: string): string {
  const sections = sectionsOf(readme);
  const kept = EXTENSION_SECTIONS.map((title) => {
    const found = sections.find((s) => s.title === title);
    if (!found) throw new Error(`README.md has no "## ${title}" section (src/tools/vsix/extension-readme.ts keeps it)`);
    return found;
  });
  const keptAnchors = new Set(kept.map((s) => anchorOf(s.title)));
  const body = [sections[0]!, ...kept].map((s) => s.text.trimEnd()).join('\n\n');
  const linked = body.replace(/\]\(#([^)\s]+)\)/g, (link, anchor: string) => (keptAnchors.has(anchor) ? link : `](${FULL_README.replace('#readme', '')}#${anchor})`));
  return `${linked}\n\n## More\n\nThe command line, CI (GitHub Action, GitLab), pre-commit, the remark plugin, the language server for other\neditors and how well it does on real specs: see the [full README](${FULL_README}).\n`;
}
