// Deterministic generator of realistic product specs for the benchmark. No Math.random: every text is a
// pure function of (seed, target size, salt). The salt changes every heading (a "(rev …)" suffix, which
// heading normalisation strips, so classification is unchanged) and the first paragraph of every
// section, so that two salts never share a parsed chunk in the engine's chunk cache.
//
// Section headings come from the built-in taxonomy (src/core/data/kinds.yaml synonyms) and body text
// mixes neutral prose with the cue words of src/core/data/cues.yaml, mostly the expected owner's and
// sometimes the other role's (so content-owner-drift and friends have something to find).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kindsData = YAML.parse(readFileSync(join(root, 'src/core/data/kinds.yaml'), 'utf8')).kinds;
const cuesData = YAML.parse(readFileSync(join(root, 'src/core/data/cues.yaml'), 'utf8')).cues;

// ---------------------------------------------------------------------------------------------- PRNG

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a), to derive seeds from names. */
export function hashSeed(...parts) {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  pick(list) {
    return list[this.int(list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
}

// ----------------------------------------------------------------------------------------- catalogue

const kinds = kindsData.map((k) => ({ id: k.id, owner: k.owner, synonyms: k.synonyms ?? [] })).filter((k) => k.synonyms.length);
const kindById = new Map(kinds.map((k) => [k.id, k]));
const roleOf = (kind) => (kind.owner.length === 1 ? kind.owner[0] : kind.owner.includes('pm') && kind.owner.includes('pmm') ? 'shared' : kind.owner.join(', '));
const cueTerms = { pm: [], pmm: [], shared: [], other: [] };
// Cue terms that read as prose inside "This also touches the … for …" (not "i want to", "so i can").
for (const cue of cuesData) (cueTerms[cue.role] ?? cueTerms.other).push(...cue.terms.filter((t) => !/^(i|as a|so)\b|\bi\b/.test(t)));

// The PRD skeleton real specs follow (design/taxonomy.md), then what a feature area repeats.
const PRD_OPENING = ['summary', 'problem', 'goals', 'users_use_cases', 'personas_audience', 'non_goals_scope', 'functional_requirements'];
const PRD_MIDDLE = [
  'user_stories', 'acceptance_criteria', 'nonfunctional_requirements', 'technical_approach', 'ux_design', 'success_metrics',
  'competitive_landscape', 'positioning', 'value_proposition', 'messaging', 'pricing_packaging', 'target_market',
  'launch_plan', 'gtm_channels', 'sales_enablement', 'release_rollout', 'risks_assumptions', 'alternatives_considered',
  'prioritization', 'stakeholders_roles', 'gtm_metrics', 'proof_points', 'vision', 'strategy', 'documentation',
];
const PRD_CLOSING = ['roadmap_milestones', 'open_questions', 'doc_metadata'];
const FEATURE_AREA = [
  'functional_requirements', 'user_stories', 'acceptance_criteria', 'nonfunctional_requirements', 'ux_design',
  'technical_approach', 'success_metrics', 'release_rollout', 'risks_assumptions', 'messaging', 'launch_plan',
  'sales_enablement', 'open_questions', 'prioritization', 'value_proposition',
];

// ------------------------------------------------------------------------------------------ wording

const PRODUCTS = ['Checkout v2', 'Team Onboarding', 'Usage Insights', 'Smart Alerts', 'Billing Portal', 'Workspace Search', 'Mobile Wallet', 'Audit Log', 'Self-serve SSO', 'Partner API'];
const FEATURES = ['guest checkout', 'one-tap payments', 'saved addresses', 'team invites', 'SSO login', 'usage dashboards', 'bulk export', 'the audit log', 'role-based access', 'scheduled reports', 'in-app onboarding', 'webhook retries', 'the pricing page', 'CSV import', 'usage-based billing', 'dark mode', 'offline drafts', 'push notifications'];
const SEGMENTS = ['shoppers', 'admins', 'returning customers', 'mid-market teams', 'enterprise buyers', 'new users', 'workspace owners', 'finance teams', 'developers', 'support agents', 'small businesses', 'partners'];
const METRICS = ['cart abandonment', 'activation rate', 'weekly active teams', 'p95 latency', 'NPS', 'net revenue retention', 'trial-to-paid conversion', 'time to first value', 'support tickets per account', 'crash-free sessions', 'pipeline generated', 'win rate'];
const COMPETITORS = ['Acme Pay', 'Globex', 'Initech Cloud', 'Umbrella Suite', 'Hooli Teams', 'Stark Analytics', 'Wonka Billing'];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'March', 'May', 'September', 'November'];
const VERBS = ['load', 'sync', 'export', 'invite', 'retry', 'confirm', 'pay', 'sign in', 'search', 'filter', 'archive', 'share'];
const TAGLINES = ['One tap. Done.', 'Every team, on board in minutes.', 'Know before it breaks.', 'Billing without the back-and-forth.', 'Find anything, instantly.'];
const EMOJI = ['🎯', '📣', '🚀', '✅', '📈', '🧭', '💡', '⚠️'];
const SUFFIXES = ['(Optional)', '*(mandatory)*', '(Priority: P1)', '(Required)', '(draft)', '(if applicable)'];

const TEMPLATES = {
  pm: [
    (r) => `${cap(r.pick(SEGMENTS))} abandon ${r.range(12, 48)}% of flows on mobile because ${r.pick(FEATURES)} takes ${r.range(3, 7)} screens.`,
    (r) => `The system MUST ${r.pick(VERBS)} within ${r.range(1, 5)} seconds for ${r.pick(SEGMENTS)} on a ${r.range(320, 414)} px wide phone.`,
    (r) => `As a user, I want to ${r.pick(VERBS)} from ${r.pick(FEATURES)} so that I can finish without contacting support.`,
    (r) => `Out of scope for the MVP: ${r.pick(FEATURES)} for ${r.pick(SEGMENTS)}; we revisit it after ${r.pick(QUARTERS)}.`,
    (r) => `Acceptance criteria: given ${r.range(10, 500)} ${r.pick(SEGMENTS)}, when they ${r.pick(VERBS)}, then every request succeeds and the audit trail shows it.`,
    (r) => `We ship ${r.pick(FEATURES)} behind a feature flag in ${r.pick(QUARTERS)}, then widen the rollout in ${r.range(2, 5)} phases.`,
    (r) => `Success means moving ${r.pick(METRICS)} from ${r.range(10, 40)}% to ${r.range(41, 80)}% and keeping outages under ${r.range(1, 4)} per quarter.`,
    (r) => `The requirement covers edge cases such as expired sessions, duplicate submissions and partial failures of ${r.pick(FEATURES)}.`,
    (r) => `Our hypothesis: ${r.pick(SEGMENTS)} adopt ${r.pick(FEATURES)} once it no longer needs an admin.`,
  ],
  pmm: [
    (r) => `Position ${r.pick(PRODUCTS)} as the fastest way for ${r.pick(SEGMENTS)} to ${r.pick(VERBS)} without switching tools.`,
    (r) => `Tagline for the launch campaign: "${r.pick(TAGLINES)}" Use it in the press release, the blog post and the newsletter.`,
    (r) => `${r.pick(COMPETITORS)} charges per seat; our value proposition is predictable pricing for ${r.pick(SEGMENTS)}.`,
    (r) => `Sales enablement: a one-pager, a demo script and a battlecard against ${r.pick(COMPETITORS)} for the ${r.pick(SEGMENTS)} segment.`,
    (r) => `The target audience is ${r.pick(SEGMENTS)} who evaluate ${r.pick(FEATURES)} in a free trial before talking to sales.`,
    (r) => `Key messages lead with time saved, then with trust; proof points come from ${r.range(3, 12)} customer case studies.`,
    (r) => `Go-to-market: paid social, a webinar with ${r.pick(COMPETITORS)} customers who switched, and a landing page with a clear call to action.`,
    (r) => `Growth metrics: ${r.pick(METRICS)}, retention after ${r.range(30, 90)} days and customer satisfaction scores from the in-app survey.`,
  ],
  neutral: [
    (r) => `We reviewed ${r.range(20, 400)} support tickets and ${r.range(5, 30)} interviews from ${r.pick(QUARTERS)} before writing this.`,
    (r) => `See the linked research for details; the numbers below come from the ${r.pick(QUARTERS)} dashboard.`,
    (r) => `${cap(r.pick(FEATURES))} depends on the identity service and on ${r.pick(FEATURES)}.`,
    (r) => `The team meets weekly to review ${r.pick(METRICS)} and adjust the plan.`,
    (r) => `This section is updated as decisions are made; the change log at the end records who changed what.`,
  ],
};

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleCase(s) {
  return s.replace(/(^|[\s/(-])([a-z])/g, (m, p, c) => p + c.toUpperCase());
}

// ------------------------------------------------------------------------------------------- blocks

/** The prose voice of a section owned by `role`: mostly its own, sometimes the other role's (drift). */
function voice(r, role) {
  const own = role === 'pmm' ? 'pmm' : role === 'pm' ? 'pm' : r.chance(0.5) ? 'pm' : 'pmm';
  if (r.chance(0.1)) return own === 'pm' ? 'pmm' : 'pm';
  return r.chance(0.25) ? 'neutral' : own;
}

function sentence(r, role) {
  const v = voice(r, role);
  let s = r.pick(TEMPLATES[v])(r);
  if (v !== 'neutral' && r.chance(0.3)) {
    const cue = r.pick(cueTerms[v].length ? cueTerms[v] : cueTerms.pm);
    s += ` This also touches the ${cue} for ${r.pick(FEATURES)}.`;
  }
  if (r.chance(0.15)) s = s.replace(/ (\w{6,}) /, ' **$1** ');
  else if (r.chance(0.1)) s = s.replace(/ (\w{5,}) /, ' `$1` ');
  else if (r.chance(0.08)) s += ` See [the research notes](https://wiki.example.com/${r.pick(VERBS).replace(' ', '-')}/${r.range(100, 999)}).`;
  return s;
}

function paragraph(r, role, n = r.range(1, 4)) {
  const text = Array.from({ length: n }, () => sentence(r, role)).join(' ');
  if (!r.chance(0.35)) return text;
  // Some writers hard-wrap at ~100 columns.
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 100) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function list(r, role) {
  const ordered = r.chance(0.3);
  const task = !ordered && r.chance(0.2);
  const items = Array.from({ length: r.range(2, 5) }, (_, i) => {
    const mark = ordered ? `${i + 1}.` : task ? `- [${r.chance(0.4) ? 'x' : ' '}]` : '-';
    let item = `${mark} ${sentence(r, role)}`;
    if (!ordered && r.chance(0.15)) item += `\n  - ${sentence(r, role)}`;
    return item;
  });
  return items.join('\n');
}

function table(r, role) {
  const shapes = [
    { head: ['Requirement', 'Priority', 'Owner', 'Notes'], row: () => [cap(r.pick(FEATURES)), r.pick(['P0', 'P1', 'P2']), r.pick(['PM', 'PMM', 'Eng', 'Design']), sentence(r, role).slice(0, 70)] },
    { head: ['Metric', 'Baseline', 'Target', 'Source'], row: () => [cap(r.pick(METRICS)), `${r.range(5, 40)}%`, `${r.range(41, 90)}%`, `${r.pick(QUARTERS)} dashboard`] },
    { head: ['Milestone', 'Date', 'Status'], row: () => [`${r.pick(['Alpha', 'Beta', 'GA', 'Design review', 'Code freeze'])} of ${r.pick(FEATURES)}`, `${r.pick(QUARTERS)} ${r.range(2025, 2027)}`, r.pick(['done', 'on track', 'at risk', 'TBD'])] },
    { head: ['Competitor', 'Strength', 'Weakness', 'Our answer'], row: () => [r.pick(COMPETITORS), cap(r.pick(FEATURES)), `No ${r.pick(FEATURES)}`, r.pick(TAGLINES)] },
  ];
  const shape = r.pick(shapes);
  const rows = Array.from({ length: r.range(2, 6) }, shape.row);
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(shape.head), line(shape.head.map(() => '---')), ...rows.map(line)].join('\n');
}

function code(r) {
  const lang = r.pick(['yaml', 'json', 'text', 'http']);
  const lines = [];
  const n = r.range(3, 8);
  for (let i = 0; i < n; i++) {
    if (lang === 'yaml') lines.push(`${r.pick(['feature', 'flag', 'rollout', 'limit', 'owner'])}_${i}: ${r.pick(['true', 'false', r.range(1, 500), 'pm', 'beta'])}`);
    else if (lang === 'json') lines.push(`  "${r.pick(['event', 'userId', 'plan', 'amount', 'status'])}${i}": ${r.chance(0.5) ? r.range(1, 9999) : `"${r.pick(VERBS)}"`},`);
    else if (lang === 'http') lines.push(i === 0 ? `POST /v1/${r.pick(['invites', 'payments', 'exports', 'alerts'])} HTTP/1.1` : `X-Header-${i}: ${r.range(1000, 9999)}`);
    else lines.push(`step ${i + 1}: ${r.pick(VERBS)} ${r.pick(FEATURES)}`);
  }
  if (lang === 'json') return `\`\`\`json\n{\n${lines.join('\n')}\n  "end": true\n}\n\`\`\``;
  return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

function block(r, role) {
  const x = r.next();
  if (x < 0.45) return paragraph(r, role);
  if (x < 0.72) return list(r, role);
  if (x < 0.82) return table(r, role);
  if (x < 0.89) return code(r);
  if (x < 0.95) return `> ${sentence(r, role)}`;
  return `<!-- Guidance: describe ${r.pick(['who', 'what', 'when', 'why'])} for ${r.pick(FEATURES)}; delete this comment when done. -->`;
}

const PLACEHOLDER_BODIES = ['TBD', 'TODO', '[DATE]', '{{owner}}', 'TBD.\n\n- TODO\n- TODO', '<!-- Describe the launch tiers here. -->\n\nTBD', '_To be defined._'];

// ----------------------------------------------------------------------------------------- sections

function headingText(r, kind, number) {
  let text = r.pick(kind.synonyms);
  if (/^(what|who|how|why)\b/.test(text)) text = `${cap(text)}?`;
  else text = r.chance(0.5) ? titleCase(text) : cap(text);
  if (number && r.chance(0.35)) text = `${number}. ${text}`;
  if (r.chance(0.06)) text = `${r.pick(EMOJI)} ${text}`;
  if (r.chance(0.08)) text = `${text} ${r.pick(SUFFIXES)}`;
  return text;
}

function ownerAnnotation(r, kind) {
  if (!r.chance(0.4)) return undefined;
  const expected = kind.owner.filter((o) => o === 'pm' || o === 'pmm');
  const x = r.next();
  if (x < 0.78) return expected.join(', ') || 'pm';
  if (x < 0.93) return expected.includes('pm') ? 'pmm' : 'pm';
  if (x < 0.99) return 'pm, pmm';
  return 'pmn'; // a typo: invalid-owner
}

/**
 * One section as Markdown lines. `salt` goes into the heading (as a bracketed suffix the normaliser
 * strips) and into the first paragraph.
 */
function markdownSection(r, kind, depth, ctx) {
  ctx.count++;
  const title = headingText(r, kind, depth === 2 && !ctx.unnumbered ? ctx.count : undefined);
  const owner = ownerAnnotation(r, kind);
  const rev = ` (rev ${ctx.salt})`;
  let head = `${'#'.repeat(depth)} ${title}${rev}`;
  const out = [];
  if (r.chance(0.01)) out.push(`<!-- specroles-disable-next-section foreign-section -- reviewed with the PMM in ${r.pick(QUARTERS)} -->`, '');
  if (owner && r.chance(0.6)) out.push(`${head} <!-- owner: ${owner} -->`);
  else {
    out.push(head);
    if (owner) out.push(`<!-- owner: ${owner} -->`);
  }
  out.push('');
  if (r.chance(0.05)) {
    out.push(r.pick(PLACEHOLDER_BODIES), '');
    return out;
  }
  out.push(`${paragraph(r, roleOf(kind), r.range(1, 2))} Tracked in PRD-${ctx.salt}-${ctx.count}.`, '');
  const blocks = r.pick([0, 0, 1, 1, 1, 2, 2, 3]);
  for (let i = 0; i < blocks; i++) out.push(block(r, roleOf(kind)), '');
  return out;
}

function frontMatter(r, salt, product) {
  return ['---', 'specroles: 1', 'type: prd', `title: ${product} (${salt})`, 'owner: pm', ...(r.chance(0.7) ? ['reviewers: [pmm]'] : []), `status: ${r.pick(['draft', 'in review', 'approved'])}`, '---', ''];
}

/**
 * A Markdown PRD of about `targetBytes` (it stops after the section that crosses the target).
 * @param {{ seed: number, targetBytes: number, salt?: string }} options
 */
export function generateMarkdown({ seed, targetBytes, salt = '0' }) {
  const r = new Rng(seed);
  const product = r.pick(PRODUCTS);
  const ctx = { count: 0, salt };
  const lines = [...frontMatter(r, salt, product), `# ${product} (rev ${salt})`, '', paragraph(r, 'pm', 2), ''];
  let size = lines.join('\n').length;
  const add = (section) => {
    lines.push(...section);
    size += section.join('\n').length + 1;
  };
  const withChildren = (kindId, depth, budget) => {
    add(markdownSection(r, kindById.get(kindId), depth, ctx));
    if (depth < 4 && r.chance(depth === 2 ? 0.25 : 0.1)) {
      const n = r.range(1, 3);
      for (let i = 0; i < n && size < budget; i++) withChildren(r.pick(FEATURE_AREA), depth + 1, budget);
    }
  };

  const middle = [...PRD_MIDDLE];
  const stream = [...PRD_OPENING];
  while (middle.length) stream.push(middle.splice(r.int(middle.length), 1)[0]);
  // The closing sections (a "when", open questions, appendix) are written first so the body can be sized
  // to leave room for them; the body stops about one average section short of the target.
  const closingCtx = { count: 10_000, salt, unnumbered: true };
  const closingKinds = targetBytes > 20_000 ? PRD_CLOSING : PRD_CLOSING.slice(0, 2);
  const closing = closingKinds.flatMap((kindId) => markdownSection(r, kindById.get(kindId), 2, closingCtx));
  const budget = targetBytes - closing.join('\n').length - 400;
  for (const kindId of stream) {
    if (size >= budget) break;
    withChildren(kindId, 2, budget);
  }
  // Large specs: feature areas, each a parent heading with its own requirements, stories, messaging…
  let area = 0;
  while (size < budget) {
    area++;
    ctx.count++;
    add([`## ${r.chance(0.5) ? `Feature area ${area}` : `Epic ${area}`}: ${cap(r.pick(FEATURES))} for ${r.pick(SEGMENTS)} (rev ${salt})`, '', paragraph(r, 'pm', 1) + ` Tracked in PRD-${salt}-${ctx.count}.`, '']);
    const n = r.range(3, 8);
    const pool = [...FEATURE_AREA];
    for (let i = 0; i < n && size < budget; i++) withChildren(pool.splice(r.int(pool.length), 1)[0], 3, budget);
  }
  lines.push(...closing);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------- YAML

function yamlBlock(text, indent) {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : ''))
    .join('\n');
}

function yamlQuote(s) {
  return /^[\w][\w ,.'()&/-]*$/.test(s) && !/: |#/.test(s) ? s : JSON.stringify(s);
}

function yamlSection(r, kind, depth, ctx, indent) {
  ctx.count++;
  const pad = ' '.repeat(indent);
  const role = roleOf(kind);
  const out = [`${pad}- title: ${yamlQuote(`${headingText(r, kind, undefined)} (rev ${ctx.salt})`)}`];
  const owner = ownerAnnotation(r, kind);
  if (owner) out.push(`${pad}  owner: ${owner.includes(',') ? `[${owner}]` : owner}`);
  if (r.chance(0.05)) out.push(`${pad}  body: ${yamlQuote(r.pick(['TBD', 'TODO', '[DATE]']))}`);
  else {
    const parts = [`${paragraph(r, role, r.range(1, 3))} Tracked in PRD-${ctx.salt}-${ctx.count}.`];
    const blocks = r.range(0, 2);
    for (let i = 0; i < blocks; i++) parts.push(r.chance(0.6) ? paragraph(r, role) : list(r, role));
    out.push(`${pad}  body: |`, yamlBlock(parts.join('\n\n'), indent + 4));
  }
  if (depth < 3 && r.chance(0.2)) {
    out.push(`${pad}  sections:`);
    const n = r.range(1, 3);
    for (let i = 0; i < n; i++) out.push(...yamlSection(r, kindById.get(r.pick(FEATURE_AREA)), depth + 1, ctx, indent + 4));
  }
  return out;
}

/** A YAML spec (`specroles: 1`, `sections:` of title/owner/body/sections) of about `targetBytes`. */
export function generateYaml({ seed, targetBytes, salt = '0' }) {
  const r = new Rng(seed);
  const product = r.pick(PRODUCTS);
  const ctx = { count: 0, salt };
  const lines = ['specroles: 1', 'type: prd', `title: ${yamlQuote(`${product} (${salt})`)}`, 'owner: pm', 'reviewers: [pmm]', 'sections:'];
  let size = lines.join('\n').length;
  const middle = [...PRD_MIDDLE];
  const stream = [...PRD_OPENING];
  while (middle.length) stream.push(middle.splice(r.int(middle.length), 1)[0]);
  let i = 0;
  while (size < targetBytes - 1800) {
    const kindId = i < stream.length ? stream[i] : r.pick(FEATURE_AREA);
    i++;
    const section = yamlSection(r, kindById.get(kindId), 1, ctx, 2);
    lines.push(...section);
    size += section.join('\n').length + 1;
  }
  lines.push(...yamlSection(r, kindById.get('roadmap_milestones'), 1, ctx, 2));
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------- edits

/**
 * Offsets of letters inside ordinary paragraph lines (not headings, lists, tables, code, comments), in
 * document order, as candidates for a one-character edit "inside one section".
 */
export function paragraphLetterOffsets(text) {
  const offsets = [];
  let fence = false;
  let comment = false;
  let front = text.startsWith('---\n');
  let pos = front ? 4 : 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    if (front) {
      if (line === '---') front = false;
    } else if (fence) {
      if (line.startsWith('```')) fence = false;
    } else if (comment) {
      if (line.includes('-->')) comment = false;
    } else if (line.startsWith('```')) fence = true;
    else if (line.startsWith('<!--') && !line.includes('-->')) comment = true;
    else if (/^[A-Z][a-z]+ [a-z]/.test(line)) {
      const m = /[a-z]{4,}/.exec(line.slice(1));
      if (m) offsets.push(pos + 1 + m.index + 1);
    }
    pos = end + 1;
  }
  return offsets;
}

/** Replaces the letter at `offset` with another letter (same length, still a word). */
export function editOneChar(text, offset) {
  const c = text[offset];
  const replacement = c === 'e' ? 'a' : 'e';
  return text.slice(0, offset) + replacement + text.slice(offset + 1);
}

/** Which kinds the generator uses, for the README and sanity checks. */
export const generatorInfo = { kinds: kinds.length, pmCues: cueTerms.pm.length, pmmCues: cueTerms.pmm.length };
