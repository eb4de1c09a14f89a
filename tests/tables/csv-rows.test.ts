// A row written by csvRow is byte for byte what csv-stringify writes for it: plain rows are joined without
// it, every other row goes through it. Checked on made-up rows of every awkward character and on the
// tables of a real run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { csvRow } from '../../src/tables/writer.ts';

const byStringify = (cells: (string | number)[]) => stringify([cells], { escape_formulas: true });

describe('csvRow', () => {
  it.each([
    [['plain', '中文，全角', 12, 0]],
    [['a,b', 'x']],
    [['say "hi"', 'x']],
    [['two\nlines', 'x\r\ny']],
    [['=SUM(A1)', '+1', '-1', '@x', '\tx', '\rx', '＝x', '＋x', '－x', '＠x']],
    [[-1, -0.5, 3.25, 'x-1', '1-2']],
    [['', '', '']],
    [[' leading and trailing ', "it's"]],
  ])('writes %j as csv-stringify does', (cells) => {
    expect(csvRow(cells)).toBe(byStringify(cells));
  });

  it('writes 5,000 random rows of awkward characters as csv-stringify does', () => {
    const alphabet = [...',"\n\r\t=+-@＝＋－＠ a中，“”\'0.'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const differ: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const cells = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        random() < 0.2 ? Math.round((random() - 0.5) * 100) : Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
      );
      if (csvRow(cells) !== byStringify(cells)) differ.push(JSON.stringify(cells));
    }
    expect(differ).toEqual([]);
  });

  it('writes every row of the run over data/ as csv-stringify does', () => {
    const out = inject('dataRun');
    let rows = 0;
    for (const file of ['events.csv', 'mentions.csv', 'articles.csv', 'meetings.csv']) {
      const records = parse(readFileSync(join(out, file), 'utf8'), { bom: true }) as string[][];
      for (const r of records.slice(1)) {
        // Read back, a formula-escaped cell has its ' before it: the cell as the pipeline made it had none.
        const cells = r.map((c) => (/^'[=+\-@\t\r＝＋－＠]/.test(c) ? c.slice(1) : c));
        expect(csvRow(cells)).toBe(byStringify(cells));
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(1000);
  });
});
