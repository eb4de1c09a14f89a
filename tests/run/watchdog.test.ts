// The worker pool's watchdog: a worker that hangs or dies is replaced, the article it was on fails with
// E_TIMEOUT or E_WORKER, and every other article it held — finished but not yet sent (results travel a few
// at a time) or not yet started — runs again and succeeds.
import { describe, expect, it } from 'vitest';
import type { ArticleResult } from '../../src/result.ts';
import { WorkerPool } from '../../src/pool.ts';
import type { ArticleInput } from '../../src/read/inputs.ts';

const entry = new URL('./workers/scripted-entry.mjs', import.meta.url);
const item = (id: string): ArticleInput => ({ kind: 'article', id, input: `test:${id}`, format: 'txt', columns: { text: id } });

async function runAll(ids: string[], timeBudgetMs: number): Promise<ArticleResult[]> {
  const pool = new WorkerPool(1, { dictionaries: '', timeBudgetMs, limits: { maxBytes: 1e6 }, textsDir: '' }, { youngGenerationMb: 16, entry });
  try {
    await pool.ready();
    return await Promise.all(ids.map((id) => pool.run(item(id))));
  } finally {
    await pool.close();
  }
}

const outcome = (r: ArticleResult) => `${r.id}:${r.ok ? 'ok' : r.error?.code}`;

describe('worker pool watchdog', () => {
  it('fails the article a worker hangs on, not the finished ones whose results it still held', async () => {
    // slow-1 and slow-2 are finished and waiting to be sent together when hang starts.
    const results = await runAll(['slow-1', 'slow-2', 'hang', 'after-1', 'after-2'], 1);
    expect(results.map(outcome)).toEqual(['slow-1:ok', 'slow-2:ok', 'hang:E_TIMEOUT', 'after-1:ok', 'after-2:ok']);
    expect(results[2].error?.message).toMatch(/no result after \d+ ms; the worker was restarted/);
  }, 30_000);

  it('fails the article a worker dies on with E_WORKER and runs the others again', async () => {
    const results = await runAll(['slow-1', 'exit', 'after-1'], 60_000);
    expect(results.map(outcome)).toEqual(['slow-1:ok', 'exit:E_WORKER', 'after-1:ok']);
  }, 30_000);

  it('returns every result in order when nothing goes wrong (more articles than one batch)', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `a-${i}`);
    expect((await runAll(ids, 60_000)).map(outcome)).toEqual(ids.map((id) => `${id}:ok`));
  }, 30_000);
});
