// The writer keeps a megabyte per table before writing, and takes a worker's tables as one UTF-8 buffer
// (packCsv). Whatever the mix — strings, packed bytes, chunks larger than the buffer — each file must hold
// the header and then exactly the chunks in the order given.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/tables/columns.ts';
import { packCsv, TableWriter, type CsvChunks } from '../../src/tables/writer.ts';

function chunk(events: string, mentions?: string): CsvChunks {
  return { tables: { events, ...(mentions ? { mentions } : {}) }, rows: { events: 1, ...(mentions ? { mentions: 1 } : {}) }, truncatedCells: 0 };
}

describe('table writer buffering', () => {
  it('strings, packed bytes and oversized chunks come out whole and in order', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cge-writer-'));
    const writer = new TableWriter(out);
    writer.open();
    const expected: string[] = [];
    const big = `会议强调,${'要'.repeat(600_000)}\n`; // 1.8 MB of UTF-8: more than the buffer
    for (let i = 0; i < 3000; i++) {
      const line = `a${i},"第${i}条，含逗号",${'字'.repeat(i % 97)}\n`;
      const c = chunk(line, i % 3 === 0 ? `m${i}\n` : undefined);
      writer.writeCsv(i % 2 ? packCsv(c) : c);
      expected.push(line);
      if (i === 1500) {
        writer.writeCsv(packCsv(chunk(big)));
        expected.push(big);
      }
    }
    writer.commit();
    const events = readFileSync(join(out, TABLES.events.file), 'utf8');
    const header = events.slice(0, events.indexOf('\n') + 1);
    expect(header.startsWith('\ufeffevent_id,')).toBe(true);
    expect(events.slice(header.length)).toBe(expected.join(''));
    const mentions = readFileSync(join(out, TABLES.mentions.file), 'utf8');
    expect(mentions.split('\n').filter((l) => /^m\d+$/.test(l))).toHaveLength(1000);
    expect(writer.stats.rows.events).toBe(3001);
    expect(writer.stats.rows.mentions).toBe(1000);
  });
});
