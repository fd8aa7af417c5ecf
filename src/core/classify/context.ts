// Pass 2 of the analysis: each section read in its context. What a heading says on its own (pass 1)
// is weighed against the document's owner, its title, its subject, the section's parent and its body,
// in the named steps below, in this order. Parents are read before their children, so a step that looks
// at the parent sees its final kind. Every change keeps the evidence that made it.
import { expandRoles, type Catalogue, type CompiledKind } from '../catalogue/catalogue';
import { ownedBy, ownersIn, type AnalysedSection, type KindEvidence } from './analyse';
import { normaliseHeading } from './normalise';
import { leadingKind, leadingKinds, topPhrases } from './vocabulary';

/** What the document says of itself: who owns it, what its title names, what its words keep returning to. */
export interface DocumentContext {
  catalogue: Catalogue;
  /** The document's owner, where one role owns it. */
  docRole?: string | undefined;
  /** The kind the document's title names outright ("Feature rollout process"). */
  topic?: { kind: CompiledKind; title: string } | undefined;
  /** The cross-role subject its vocabulary keeps to (pricing throughout a PM-headed project brief). */
  subject?: CompiledKind | undefined;
}

type Step = (s: AnalysedSection, context: DocumentContext) => void;

/** The steps, in order. Each names the reading it makes. */
const STEPS: readonly Step[] = [
  meaningInOwnersDocuments,
  titleOverItsLookAlike,
  documentSubject,
  parentQuestionOrAbsorbingParent,
  parentOverForeignKeyword,
  bodyOverWeakHeading,
  silentHeading,
];

export function readInContext(s: AnalysedSection, context: DocumentContext): void {
  for (const step of STEPS) step(s, context);
  if (s.kind) s.expected = ownersIn(context.catalogue, s.kind, context.docRole);
}

function reread(s: AnalysedSection, kind: CompiledKind, evidence: KindEvidence): void {
  if (s.kind) s.headingKind = s.kind;
  s.kind = kind;
  s.evidence = evidence;
}

/**
 * A heading can mean another kind in another role's document ("Alternatives" in a PMM document are
 * market alternatives; a "Challenge" in a PMM value-proposition page is the audience's pain). An FAQ item
 * asks for facts, not the pitch: "Q: What are the key features?" in a PMM launch FAQ is answered with what
 * the product does, so it keeps its heading's reading. A keyword match under a part the owner owns is
 * left to that part (ownersParentOverForeignKeyword): "Monitoring metrics" under a competitive analysis.
 */
function meaningInOwnersDocuments(s: AnalysedSection, { catalogue, docRole }: DocumentContext): void {
  if (!s.kind || !docRole || s.evidence?.via === 'declared' || (s.evidence?.via === 'pattern' && isFaqItem(s.section.title))) return;
  if (s.evidence?.via === 'pattern' && s.parent?.kind && ownedBy(catalogue, s.parent.kind, docRole) && !expandRoles(catalogue, s.kind.owner).includes(docRole)) return;
  const contextual = s.kind.inDocumentsOf?.[docRole];
  const replacement = contextual ? catalogue.kinds.get(contextual) : undefined;
  if (!replacement) return;
  // "What is the type of buyer?" in a PM's spec still asks for the PMM's buyer personas.
  if (s.kind.contextFreeRegexes.length && s.kind.contextFreeRegexes.some((r) => r.test(normaliseHeading(s.section.title)))) return;
  const role = catalogue.roles.get(docRole)?.short ?? docRole;
  reread(s, replacement, { via: 'context', detail: `"${s.evidence?.detail ?? s.kind.name}" in a ${role} document` });
}

/**
 * The document's title names what it is about: under a part about that, a heading that could mean that
 * or its look-alike (kinds.yaml `confusableWith`) means that ("Launch" under a release track of a
 * "Feature rollout process").
 */
function titleOverItsLookAlike(s: AnalysedSection, { topic }: DocumentContext): void {
  if (!s.kind || !topic || s.evidence?.via === 'declared' || s.parent?.kind !== topic.kind || !confusable(s.kind, topic.kind)) return;
  reread(s, topic.kind, { via: 'context', detail: `"${s.evidence?.detail ?? s.kind.name}" in a document titled "${topic.title}"` });
}

/**
 * In a document about one subject, an owner's heading over a body that talks that subject is about it:
 * "Project mission" or "Success criteria" in a pricing project are pricing decisions.
 */
function documentSubject(s: AnalysedSection, { catalogue, docRole, subject }: DocumentContext): void {
  if (!s.kind || !subject || !docRole || s.kind === subject || s.evidence?.via === 'declared' || s.kind.skipOwnership) return;
  if (!expandRoles(catalogue, s.kind.owner).includes(docRole) || !leadingKinds(s.cues).includes(subject.id)) return;
  reread(s, subject, { via: 'context', detail: `its text is about ${subject.name.toLowerCase()}, as is the whole document` });
}

/**
 * A keyword match yields to the parent where the subsection is one of the parent's questions ("Can the
 * feature be disabled?" under a readiness questionnaire) or the parent's kind absorbs its subsections.
 */
function parentQuestionOrAbsorbingParent(s: AnalysedSection): void {
  const parentKind = s.parent?.kind;
  if (!s.kind || !parentKind || s.evidence?.via !== 'pattern' || parentKind.id === s.kind.id) return;
  if (!parentKind.absorbsSubsections && !isQuestion(s.section.title)) return;
  reread(s, parentKind, { via: 'parent', detail: s.parent!.section.title });
}

/**
 * A keyword match to a kind whose owners have no part in the parent's kind is one facet of the parent:
 * a persona's "Primary goals" and "Frustrations/pain points" describe the persona, not the product's goals
 * or problem; a campaign's "Product analytics onboarding flow" is part of the campaign. In a document one
 * role owns, under a part that role owns, this always holds ("Offensive strategies" or "Monitoring
 * metrics" under the competitive sections of a PMM competitor analysis). Elsewhere the heading keeps its
 * kind where the parent's kind is itself only a keyword's (the subsections then say what the parent is,
 * in pass 3), where it is a form field, where the two kinds are look-alikes ("Primary audience" under
 * "Target users"), or where its own text reads as its kind's owners' work (a "Press release" under a
 * requirement).
 */
function parentOverForeignKeyword(s: AnalysedSection, { catalogue, docRole }: DocumentContext): void {
  const parentKind = s.parent?.kind;
  if (!s.kind || !parentKind || s.evidence?.via !== 'pattern' || parentKind.id === s.kind.id) return;
  const owners = expandRoles(catalogue, s.kind.owner);
  const parentOwners = expandRoles(catalogue, parentKind.owner);
  if (owners.some((r) => parentOwners.includes(r))) return;
  const ownersPart = docRole !== undefined && ownedBy(catalogue, parentKind, docRole);
  const facet = s.parent!.evidence?.via !== 'pattern' && !s.section.pseudo && !parentKind.skipOwnership && !s.kind.skipOwnership && !confusable(s.kind, parentKind)
    && !(s.readsAs && owners.includes(s.readsAs.role));
  if (!ownersPart && !facet) return;
  reread(s, parentKind, { via: 'parent', detail: s.parent!.section.title });
}

/**
 * A weak heading match (a keyword, an inherited kind) yields to a body that clearly reads as another
 * role's kind: "Research and diligence" that is all pricing is pricing. Named headings keep their kind,
 * and content-owner-drift reports the disagreement instead.
 */
function bodyOverWeakHeading(s: AnalysedSection, { catalogue }: DocumentContext): void {
  const bodyKind = s.readsAs?.kind;
  if (!s.kind || !bodyKind || bodyKind.id === s.kind.id || (s.evidence?.via !== 'pattern' && s.evidence?.via !== 'parent')) return;
  // A user scenario that mentions a newsletter or a landing page is still a scenario: the users' words.
  if (s.kind.inUsersWords) return;
  const owners = expandRoles(catalogue, bodyKind.owner);
  // An administrative kind's owners are nominal: "Analysis scope & methodology" over a body that is all
  // competitors is competitive analysis, not document metadata.
  const admin = s.kind.skipOwnership && !bodyKind.skipOwnership;
  if (!admin && !owners.some((r) => !expandRoles(catalogue, s.kind!.owner).includes(r))) return;
  reread(s, bodyKind, { via: 'body', detail: topPhrases(s.readsAs!.hits) });
}

/**
 * A heading that says nothing: a body that clearly reads as one kind decides; else the section is part of
 * its parent ("Enterprise scale" under "Themes" is a theme); a top-level part of a document about one
 * thing is about it; a body too short to read as a role can still lead with one kind's words ("Overview
 * of the product lifecycle" that talks alpha, beta and rollout); last, the document's subject.
 */
function silentHeading(s: AnalysedSection, { catalogue, topic, subject }: DocumentContext): void {
  if (s.kind) return;
  const leading = leadingKind(catalogue, s.cues);
  if (s.readsAs?.kind) reread(s, s.readsAs.kind, { via: 'body', detail: topPhrases(s.readsAs.hits) });
  else if (s.parent?.kind) reread(s, s.parent.kind, { via: 'parent', detail: s.parent.section.title });
  else if (!s.parent && topic) reread(s, topic.kind, { via: 'context', detail: `a part of "${topic.title}"` });
  else if (leading) reread(s, leading, { via: 'body', detail: topPhrases(s.cues.hits.filter((h) => h.cue.kind === leading.id)) });
  else if (!s.parent && subject) reread(s, subject, { via: 'context', detail: `a part of a document about ${subject.name.toLowerCase()}` });
}

/** Kinds one heading word can mean either of, in either direction (the taxonomy's ambiguity hot spots). */
function confusable(a: CompiledKind, b: CompiledKind): boolean {
  return a.confusableWith.includes(b.id) || b.confusableWith.includes(a.id);
}

/** "Q: How is it priced?": a question-and-answer item. */
function isFaqItem(title: string): boolean {
  return /^\s*Q\s*[:.]\s/i.test(title) && isQuestion(title);
}

/** "Can the feature be disabled (i.e. rolled back)?": a heading phrased as a question of several words. */
function isQuestion(title: string): boolean {
  const t = title.slice(-300).trim().replace(/\s*\([^()]{0,120}\)$/, '');
  return t.endsWith('?') && t.split(' ').length > 2;
}
