// Baseline suppressions in the editor (issue 14): findings that specroles-suppressions.json at the workspace
// folder's root suppresses, as the CLI does, are hints (or hidden, by the setting); more findings than
// counted are all shown; a change to the file is picked up; a broken file suppresses nothing and is logged.
import assert from 'node:assert/strict';
import { codes, fixtureText, harness, uriOf } from './support';
import { nth } from '../support/nth';

const PLANTED = fixtureText('planted.prd.md');
const FILE = 'planted.prd.md';
const suppressions = (count: number) => JSON.stringify({ [FILE]: { 'section-owner-mismatch': { count } } });

describe('editor service: suppressions', () => {
  it('shows a suppressed finding as a hint, saying where it is suppressed', async () => {
    const h = harness({ 'specroles-suppressions.json': suppressions(1) });
    h.open(FILE, PLANTED);
    const ds = await h.until(() => h.published.get(uriOf(FILE)), (d) => !!d?.length, 'diagnostics');
    assert.deepEqual(codes(ds), ['section-owner-mismatch']);
    assert.equal(nth(ds!, 0).severity, 4);
    assert.match(String(nth(ds!, 0).message), /\(suppressed in specroles-suppressions\.json\)$/);
  });

  it('hides it with suppressedFindings: "hide"; shows all when there are more than counted', async () => {
    const hidden = harness({ 'specroles-suppressions.json': suppressions(1) }, { suppressedFindings: 'hide' });
    hidden.open(FILE, PLANTED);
    await hidden.until(() => hidden.statuses.get(uriOf(FILE)), (s) => !!s, 'linted');
    await hidden.until(() => hidden.published.get(uriOf(FILE)), (d) => d !== undefined && d.length === 0, 'no diagnostics');

    const tooMany = harness({ 'specroles-suppressions.json': suppressions(0) });
    tooMany.open(FILE, PLANTED);
    const ds = await tooMany.until(() => tooMany.published.get(uriOf(FILE)), (d) => !!d?.length, 'diagnostics');
    assert.equal(nth(ds!, 0).severity, 2, 'a count below what the file has suppresses nothing');
  });

  it('follows the file as it changes, and logs a broken one', async () => {
    const h = harness();
    h.open(FILE, PLANTED);
    await h.until(() => h.published.get(uriOf(FILE))?.[0]?.severity, (s) => s === 2, 'a warning');
    h.files.set(uriOf('specroles-suppressions.json'), suppressions(1));
    await h.service.configFileChanged(uriOf('specroles-suppressions.json'));
    await h.until(() => h.published.get(uriOf(FILE))?.[0]?.severity, (s) => s === 4, 'a hint');
    h.files.set(uriOf('specroles-suppressions.json'), '{ not json');
    await h.service.configFileChanged(uriOf('specroles-suppressions.json'));
    await h.until(() => h.published.get(uriOf(FILE))?.[0]?.severity, (s) => s === 2, 'a warning again');
    assert.ok(h.logs.some((l) => l.startsWith('warn: ') && l.includes('specroles-suppressions.json: the suppressions file is not valid JSON')), h.logs.join('\n'));
  });
});
