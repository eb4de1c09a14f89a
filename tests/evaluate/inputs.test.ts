// Gold files and run tables that cannot be scored must stop the evaluation with the file (and field) named.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvalInputError, loadGold } from '../../src/evaluate/gold.ts';
import { readRun, readTable, SCORED_COLUMNS } from '../../src/evaluate/tables.ts';
import { TABLES } from '../../src/tables/columns.ts';
import { articleRow, emptyGold, tempDir, writeGold, writeRun } from './fixtures.ts';

describe('gold files', () => {
  it('loads files in name order, with defaults for what a file leaves out', () => {
    const dir = writeGold(tempDir(), [
      { article_id: 'b', officials: [{ name: '刘国中' }], meetings: [{ name: '调度会' }], title: null },
      emptyGold('a', { language: 'en' }),
    ]);
    const [a, b] = loadGold(dir);
    expect(a.article_id).toBe('a');
    expect(b).toMatchObject({
      language: 'zh',
      title: null,
      officials: [{ name: '刘国中', titles: [] }],
      meetings: [{ name: '调度会', date: null, chair: [], speakers: [], attendees: [] }],
      directives: [],
    });
    // A field the file leaves out is not scored, unlike one it gives as null.
    expect('editor' in b).toBe(false);
  });

  it('names the file and every bad field', () => {
    const dir = writeGold(tempDir(), [
      emptyGold('x', { language: 'fr', officials: [{ name: 3, titles: [{ title: '市长', jurisdiction: 5 }] }], places: '西安市' }),
    ]);
    let message = '';
    try {
      loadGold(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(EvalInputError);
      message = (e as Error).message;
    }
    expect(message).toContain(join(dir, 'x.json'));
    for (const field of ['language', 'officials[0].name', 'officials[0].titles[0].jurisdiction', 'places']) expect(message).toContain(field);
  });

  it('rejects broken JSON, a missing officials list, a repeated id and an empty folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{"article_id": "x",');
    expect(() => loadGold(dir)).toThrow(join(dir, 'broken.json'));
    rmSync(join(dir, 'broken.json'));
    writeFileSync(join(dir, 'no-officials.json'), JSON.stringify({ article_id: 'x' }));
    expect(() => loadGold(dir)).toThrow(/no-officials\.json: officials: expected an array/);
    rmSync(join(dir, 'no-officials.json'));
    writeGold(dir, [emptyGold('x')]);
    writeFileSync(join(dir, 'y.json'), JSON.stringify(emptyGold('x')));
    expect(() => loadGold(dir)).toThrow(/y\.json: article_id "x" is also the id in .*x\.json/);
    expect(() => loadGold(tempDir())).toThrow(/no gold files/);
    expect(() => loadGold(join(dir, 'nowhere'))).toThrow(join(dir, 'nowhere'));
  });
});

describe('run tables', () => {
  it('reads only columns the writer defines', () => {
    for (const [table, columns] of Object.entries(SCORED_COLUMNS)) {
      const defined = TABLES[table as keyof typeof SCORED_COLUMNS].columns.map((c) => c.name);
      for (const c of columns) expect(defined, `${table}.${c}`).toContain(c);
    }
  });

  it('reads tables with or without a BOM, and without participants.csv', () => {
    const dir = writeRun(tempDir(), { articles: [articleRow('a1', { title: '调度会' })] });
    writeFileSync(join(dir, 'places.csv'), 'article_id,place\r\na1,"西安市"\r\n\r\na1,陕西省\r\n');
    rmSync(join(dir, 'participants.csv'));
    const run = readRun(dir);
    expect(run.articles.get('a1')?.title).toBe('调度会');
    expect(run.places.get('a1')?.map((r) => r.place)).toEqual(['西安市', '陕西省']);
    expect(run.participants.size).toBe(0);
  });

  it('names a missing table, a missing column and a broken file', () => {
    const dir = writeRun(tempDir(), {});
    rmSync(join(dir, 'events.csv'));
    expect(() => readRun(dir)).toThrow(join(dir, 'events.csv'));
    writeFileSync(join(dir, 'events.csv'), '\uFEFFarticle_id,speaker\na1,刘国中\n');
    expect(() => readTable(dir, 'events')).toThrow(`${join(dir, 'events.csv')} lacks the column directive`);
    writeFileSync(join(dir, 'events.csv'), 'article_id,speaker,directive\na1,"刘国中,\n');
    expect(() => readTable(dir, 'events')).toThrow(`cannot read ${join(dir, 'events.csv')}`);
    expect(() => readRun(join(dir, 'nowhere'))).toThrow(/nowhere does not exist/);
    mkdirSync(join(dir, 'sub'));
    expect(() => readRun(join(dir, 'sub'))).toThrow(join(dir, 'sub', 'articles.csv'));
  });
});
