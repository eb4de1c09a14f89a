// The bench's raw-jieba child (src/tools/bench-raw.ts): what it cuts, in one thread and in several, once or
// until told to stop, and the timeline the bench takes its rate from.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawOutput } from '../../src/tools/bench-raw.ts';
import { ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cge-bench-raw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Real text: the first paragraphs of a sample article, cut into 40 articles of a few hundred bytes.
const sample = readFileSync(join(ROOT, 'data/d07.txt'), 'utf8');
const texts = Array.from({ length: 40 }, (_, i) => `${i}：${sample.slice((i * 37) % 200, ((i * 37) % 200) + 300)}`);
const corpus = join(dir, 'corpus.jsonl');
writeFileSync(corpus, texts.map((text, i) => JSON.stringify({ id: `a${i}`, text })).join('\n') + '\n');
const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

async function raw(...args: string[]): Promise<RawOutput> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/tools/bench-raw.ts', corpus, ...args], { cwd: ROOT });
  return JSON.parse(stdout.trim().split('\n').pop()!) as RawOutput;
}

describe('bench-raw', () => {
  it('one thread cuts every text once; its timeline ends at all it cut', async () => {
    const r = await raw();
    expect(r).toMatchObject({ threads: 1, articles: 40, textBytes, bytes: textBytes });
    expect(r.tokens).toBeGreaterThan(40);
    expect(r.timeline.at(-1)!.bytes).toBe(textBytes);
    expect(r.startedMs).toBeGreaterThan(Date.now() - 120_000);
  });

  it('N threads share the articles between them and cut the same tokens as one', async () => {
    const [one, three] = await Promise.all([raw(), raw('--threads', '3')]);
    expect(three).toMatchObject({ threads: 3, articles: 40, textBytes, bytes: textBytes, tokens: one.tokens });
    expect(three.timeline.at(-1)!.bytes).toBe(textBytes);
  });

  it('--until cuts pass after pass while the file is missing (at most 100 passes)', async () => {
    const r = await raw('--until', join(dir, 'never'), '--threads', '2');
    expect(r.bytes).toBe(100 * textBytes);
    expect(r.timeline.at(-1)!.bytes).toBe(r.bytes);
    for (let i = 1; i < r.timeline.length; i++) expect(r.timeline[i].bytes).toBeGreaterThan(r.timeline[i - 1].bytes);
  });

  it('--until stops as soon as the file exists', async () => {
    const stop = join(dir, 'stop');
    writeFileSync(stop, '');
    const r = await raw('--until', stop);
    expect(r).toMatchObject({ articles: 40, bytes: 0, tokens: 0 });
  });

  it('a missing corpus argument is a usage error', async () => {
    await expect(promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/tools/bench-raw.ts'], { cwd: ROOT })).rejects.toMatchObject({ code: 2 });
  });
});
