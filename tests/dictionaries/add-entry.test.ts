// Adding an entry is adding one CSV row: a copy of dictionaries/ gets one made-up official in officials.csv
// and one alias in place-aliases.csv, and the same articles are extracted before and after (runExtract with
// --dictionaries pointing at the copy, one thread). Before the rows the name is found only by the title
// grammar (origin=text) or not at all and the alias names no place; after them both come from the dictionary.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run.ts';
import { ROOT, readTable } from '../helpers.ts';

/** Made up: in no dictionary and in no article of data/. */
const NAME = '钟书远';
const OFFICIAL_ROW = `${NAME},省长,河北省,2021-01-01,,,Zhong Shuyuan,made-up official for tests/dictionaries/add-entry.test.ts`;
/** A nickname of 广州市 that places.csv does not give. */
const ALIAS = '羊城';
const ALIAS_ROW = `${ALIAS},广州市,4401,alias,nickname (tests/dictionaries/add-entry.test.ts)`;

const ARTICLES: [id: string, publishedAt: string, text: string][] = [
  ['bare-name', '2022-01-19', `${NAME}在石家庄市调研。`],
  ['titled', '2022-01-19', `省长${NAME}主持召开省政府常务会议。`],
  ['titled-before-role', '2019-06-01', `省长${NAME}主持召开省政府常务会议。`],
  ['alias', '2022-01-19', `${ALIAS}召开疫情防控工作会议。`],
];

let tmp: string;
let dictDir: string;
let before: string;
let after: string;
let officialLine: number;
let aliasLine: number;

async function extract(name: string): Promise<string> {
  const out = join(tmp, name);
  const report = await runExtract({ inputs: [join(tmp, 'articles.csv')], out, dictionaries: dictDir, jobs: 1, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true });
  expect(report.succeeded).toBe(ARTICLES.length);
  return out;
}

/** Append a row; its line number in the file (what a dictionary rule names). */
function addRow(file: string, row: string): number {
  const path = join(dictDir, file);
  const text = readFileSync(path, 'utf8');
  appendFileSync(path, (text.endsWith('\n') ? '' : '\n') + row + '\n');
  return text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '').length + 1;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cge-add-entry-'));
  dictDir = join(tmp, 'dictionaries');
  cpSync(join(ROOT, 'dictionaries'), dictDir, { recursive: true });
  const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(join(tmp, 'articles.csv'), ['id,published_at,text', ...ARTICLES.map((a) => a.map(csv).join(','))].join('\n') + '\n');
  before = await extract('before');
  officialLine = addRow('officials.csv', OFFICIAL_ROW);
  aliasLine = addRow('place-aliases.csv', ALIAS_ROW);
  after = await extract('after');
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The rule of a title read from titles.csv (its line number is not this test's business). */
const TITLE_RULE = expect.stringMatching(/^dict:titles\.csv:\d+$/);

const officials = (out: string, id: string) =>
  readTable(out, 'officials')
    .filter((r) => r.article_id === id)
    .map((r) => [r.name, r.title, r.jurisdiction, r.origin, r.rule]);
const places = (out: string, id: string) =>
  readTable(out, 'places')
    .filter((r) => r.article_id === id)
    .map((r) => [r.place, r.code, r.level, r.parent, r.rule]);

describe('the made-up entries are new', () => {
  it('are in no project dictionary', () => {
    const names = (file: string) => readFileSync(join(ROOT, 'dictionaries', file), 'utf8').split('\n').map((l) => l.split(',')[0]);
    expect(names('officials.csv')).not.toContain(NAME);
    expect(names('place-aliases.csv')).not.toContain(ALIAS);
    const placeNames = readFileSync(join(ROOT, 'dictionaries', 'places.csv'), 'utf8').split('\n').flatMap((l) => l.split(',').slice(0, 2));
    expect(placeNames).not.toContain(ALIAS);
  });
});

describe('one row in officials.csv', () => {
  it('makes a bare name an official: nothing before, origin=dictionary after', () => {
    expect(officials(before, 'bare-name')).toEqual([]);
    expect(officials(after, 'bare-name')).toEqual([[NAME, '', '', 'dictionary', `dict:officials.csv:${officialLine}`]]);
  });

  it('turns a name found by the title grammar into a dictionary name, with the jurisdiction of its role', () => {
    expect(officials(before, 'titled')).toEqual([[NAME, '省长', '', 'text', TITLE_RULE]]);
    expect(officials(after, 'titled')).toEqual([[NAME, '省长', '河北省', 'dictionary', TITLE_RULE]]);
  });

  it('does not give the role to an article dated before the role starts', () => {
    expect(officials(before, 'titled-before-role')).toEqual([[NAME, '省长', '', 'text', TITLE_RULE]]);
    expect(officials(after, 'titled-before-role')).toEqual([[NAME, '省长', '', 'dictionary', TITLE_RULE]]);
  });
});

describe('one row in place-aliases.csv', () => {
  it('makes the alias name its place', () => {
    expect(places(before, 'alias')).toEqual([]);
    expect(places(after, 'alias')).toEqual([['广州市', '4401', 'prefecture', '广东省', `dict:place-aliases.csv:${aliasLine}:alias`]]);
  });

  it('leaves the other articles as they were', () => {
    for (const id of ['bare-name', 'titled', 'titled-before-role']) expect(places(after, id), id).toEqual(places(before, id));
  });
});
