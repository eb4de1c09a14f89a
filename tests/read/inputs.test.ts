// Walking the inputs: every file and table row ends up as an article, a failure or a skip, named by the
// path (and the line a table row starts on) that a user can open.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { walkInputs, type InputItem } from '../../src/read/inputs.ts';
import { DATA } from '../helpers.ts';
import { encoderFor } from './legacy-encoding.ts';

const dir = mkdtempSync(join(tmpdir(), 'cge-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function walk(...paths: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of walkInputs(paths)) out.push(item);
  return out;
}

const lineOf = (item: InputItem) => Number(item.input.slice(item.input.lastIndexOf(':') + 1));

describe('table rows are named by the line they start on', () => {
  it('xwlb.csv, whose text cells span several lines', async () => {
    const items = await walk(join(DATA, 'xwlb.csv'));
    const lines = readLines(join(DATA, 'xwlb.csv'));
    expect(items.length).toBe(3);
    for (const item of items) {
      expect(item.kind).toBe('article');
      // The named line is where the row's id starts.
      expect(lines[lineOf(item) - 1].startsWith(`${(item as { id: string }).id},`)).toBe(true);
    }
  });

  it.each([
    ['LF rows, CRLF inside a cell', 'id,text\na,"x\r\ny\r\nz"\n\nb,w\nc,"p\nq"\n', [2, 6, 7]],
    ['CRLF rows, LF inside a cell (as Excel saves)', 'id,text\r\na,"x\ny\nz"\r\nb,w\r\n', [2, 5]],
    ['CRLF rows, CRLF inside a cell', 'id,text\r\na,"x\r\ny"\r\n\r\nb,"w"\r\n', [2, 5]],
  ])('%s', async (_name, body, want) => {
    const path = join(dir, `rows-${want.join('-')}.csv`);
    writeFileSync(path, body);
    const items = await walk(path);
    expect(items.map(lineOf)).toEqual(want);
    const lines = body.split(/\r\n|\r|\n/);
    for (const item of items) expect(lines[lineOf(item) - 1].startsWith(`${(item as { id: string }).id},`)).toBe(true);
  });

  it('a row without an id is named by its file and start line', async () => {
    const path = join(dir, 'noid.csv');
    writeFileSync(path, 'title,text\n标题,"第一段\n第二段"\n标题二,正文\n');
    expect((await walk(path)).map((i) => i.id)).toEqual(['noid-L2', 'noid-L4']);
  });
});

describe('table encodings', () => {
  const gbk = encoderFor('gbk');
  const TEXT = '省委书记刘国中出席西安市疫情防控调度会。他强调，要坚决打赢疫情防控攻坚战。';
  const texts = (items: InputItem[]) => items.map((i) => (i.kind === 'article' ? i.columns?.text : i.code));

  it('a CSV saved by Excel on Chinese Windows (GBK) is read as GBK, also past the first 64 kB', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `r${i},${TEXT}${i}`); // ~70 kB
    const path = join(dir, 'excel-gbk.csv');
    writeFileSync(path, gbk(`id,text\r\n${rows.join('\r\n')}\r\n`));
    const items = await walk(path);
    expect(items.length).toBe(600);
    expect(texts(items)).toEqual(rows.map((_, i) => `${TEXT}${i}`));
  });

  it('a UTF-8 CSV larger than one read keeps characters that straddle chunk boundaries', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `r${i},${'疫'.repeat(i % 7)}${TEXT}`); // ~250 kB
    const path = join(dir, 'big-utf8.csv');
    writeFileSync(path, `\ufeffid,text\n${rows.join('\n')}\n`);
    expect(texts(await walk(path))).toEqual(rows.map((r) => r.slice(r.indexOf(',') + 1)));
  });

  it('a JSONL file with a BOM: its first line is read', async () => {
    const path = join(dir, 'bom.jsonl');
    writeFileSync(path, `\ufeff${JSON.stringify({ id: 'b1', text: TEXT })}\n`);
    expect((await walk(path)).map((i) => [i.kind, i.id])).toEqual([['article', 'b1']]);
  });
});

describe('broken tables fail, the run goes on', () => {
  it('a corrupt .csv.gz or .jsonl.gz is E_READ (it used to kill the process)', async () => {
    const junk = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(64, 7)]);
    writeFileSync(join(dir, 'bad.csv.gz'), junk);
    writeFileSync(join(dir, 'bad.jsonl.gz'), junk);
    const items = await walk(join(dir, 'bad.csv.gz'), join(dir, 'bad.jsonl.gz'), join(DATA, 'd07.txt'));
    expect(items.map((i) => [i.kind, i.kind === 'article' ? i.id : i.code])).toEqual([
      ['failed', 'E_READ'],
      ['failed', 'E_READ'],
      ['article', 'd07'],
    ]);
  });

  it('a CSV row with a stray quote is E_CSV at its line; the rows around it are read', async () => {
    const path = join(dir, 'stray.csv');
    writeFileSync(path, 'id,text\nu1,正文。\nu2,正"文"。\nu3,正文。\n');
    const items = await walk(path);
    expect(items.map((i) => [i.kind, i.kind === 'article' ? i.id : i.code, i.input.slice(path.length)])).toEqual([
      ['article', 'u1', ':2'],
      ['failed', 'E_CSV', ':3'],
      ['article', 'u3', ':4'],
    ]);
  });

  it('a CSV with a quote never closed: the rows before it, then E_CSV naming the file', async () => {
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, 'id,text\nu1,正文。\nu2,"正文\nu3,正文。\n');
    const items = await walk(path);
    expect(items.map((i) => [i.kind, i.kind === 'article' ? i.id : i.code])).toEqual([
      ['article', 'u1'],
      ['failed', 'E_CSV'],
    ]);
    expect(items[1].input.startsWith(path)).toBe(true);
  });
});

describe('every input ends somewhere', () => {
  it('files in sorted order: articles, skipped formats and hidden files, gzip read through, a missing path failed', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, '2022'), { recursive: true });
    writeFileSync(join(root, 'b.txt'), '正文。');
    writeFileSync(join(root, 'a.html'), '<p>正文。</p>');
    writeFileSync(join(root, '2022', 'xian.htm'), '<p>正文。</p>');
    writeFileSync(join(root, 'feed.jsonl.gz'), gzipSync('{"id":"j1","text":"正文。"}\n\n{"text":"正文。"}\n'));
    writeFileSync(join(root, 'notes.docx'), 'PK');
    writeFileSync(join(root, 'README'), 'x');
    writeFileSync(join(root, '.hidden.txt'), 'x');
    const items = await walk(root, join(dir, 'nope'));
    expect(items.map((i) => [i.kind, i.kind === 'article' ? i.id : i.code])).toEqual([
      ['skipped', 'S_HIDDEN'],
      ['article', '2022/xian'],
      ['skipped', 'S_FORMAT'],
      ['article', 'a'],
      ['article', 'b'],
      ['article', 'j1'],
      ['article', 'feed-L3'],
      ['skipped', 'S_FORMAT'],
      ['failed', 'E_NOT_FOUND'],
    ]);
  });
});

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r\n|\n/);
}
