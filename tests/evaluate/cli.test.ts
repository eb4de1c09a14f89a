// The eval command on a tiny made-up gold + run folder: JSON output, --explain lists, --min exit codes, and
// exit 2 with the file named when an argument or a file is unusable.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../../src/evaluate/cli.ts';
import { articleRow, emptyGold, tempDir, writeGold, writeRun } from './fixtures.ts';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

// Officials: 刘国中 found, 赵一德 missed, 李明 extra (F1 0.5); places: 西安市 found (F1 1).
function folder() {
  const dir = tempDir();
  const gold = writeGold(join(dir, 'gold'), [
    emptyGold('a1', {
      title: '调度会',
      officials: [{ name: '刘国中', titles: [] }, { name: '赵一德', titles: [] }],
      places: ['西安市'],
      not_in_article: ['李小鹏'],
    }),
    emptyGold('a2', { places: ['陕西省'] }),
  ]);
  const out = writeRun(join(dir, 'out'), {
    articles: [articleRow('a1', { title: '调度会' })],
    officials: [{ article_id: 'a1', name: '刘国中' }, { article_id: 'a1', name: '李明' }],
    places: [{ article_id: 'a1', place: '西安市' }],
  });
  return { gold, out };
}

describe('eval', () => {
  it('prints the scores as JSON', async () => {
    const { gold, out } = folder();
    expect(await evalCommand(['--gold', gold, '--out', out, '--json'], 'HELP')).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.articles).toEqual({ scored: 2, by_language: { zh: 2 }, missing: ['a2'] });
    expect(json.categories.officials).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, tp: 1, fp: 1, fn: 1 });
    expect(json.categories.places).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(json.metadata.title).toEqual({ accuracy: 1, correct: 1, total: 1 });
    expect(json.leaks).toEqual({ count: 0, items: [] });
    expect(json.categories.officials.misses).toBeUndefined();
  });

  it('lists misses and extras with their article under --explain', async () => {
    const { gold, out } = folder();
    expect(await evalCommand(['--gold', gold, '--out', out, '--explain'], 'HELP')).toBe(0);
    expect(stdout).toMatch(/officials: 1 missed, 1 extra\n {2}miss +a1 {2}赵一德\n {2}extra +a1 {2}李明\n/);
    expect(stdout).toMatch(/places: 1 missed, 0 extra\n {2}miss +a2 {2}陕西/);
    expect(stdout).toContain('missing from articles.csv: 1 (a2)');
    await evalCommand(['--gold', gold, '--out', out, '--json', '--explain'], 'HELP');
    expect(JSON.parse(stdout.slice(stdout.indexOf('{'))).categories.officials.extras).toEqual([{ article_id: 'a1', text: '李明' }]);
  });

  it('exits 1 when a category falls below --min, 0 when none does', async () => {
    const { gold, out } = folder();
    expect(await evalCommand(['--gold', gold, '--out', out, '--json', '--min', '0.6'], 'HELP')).toBe(1);
    const below = JSON.parse(stdout).min.below.map((b: { measure: string }) => b.measure);
    expect(below).toEqual(['officials F1']);
    expect(await evalCommand(['--gold', gold, '--out', out, '--min', '0.5'], 'HELP')).toBe(0);
  });

  it('exits 2 on a bad argument or an unusable folder, naming it', async () => {
    const { gold, out } = folder();
    expect(await evalCommand(['--gold', gold, '--out', out, '--min', 'high'], 'HELP')).toBe(2);
    expect(stderr).toContain('--min must be a number from 0 to 1');
    expect(await evalCommand(['--gold', gold, '--out', out, '--min', '1.5'], 'HELP')).toBe(2);
    expect(await evalCommand(['--gold', gold, '--bogus'], 'HELP')).toBe(2);
    expect(await evalCommand(['stray'], 'HELP')).toBe(2);
    stderr = '';
    expect(await evalCommand(['--gold', join(gold, 'none'), '--out', out], 'HELP')).toBe(2);
    expect(stderr).toContain(join(gold, 'none'));
    stderr = '';
    expect(await evalCommand(['--gold', gold, '--out', join(out, 'none')], 'HELP')).toBe(2);
    expect(stderr).toContain(join(out, 'none'));
    expect(stdout).toBe('');
  });
});
