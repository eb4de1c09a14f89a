// A worker that speaks the pool's protocol (serveArticles) without the pipeline: an article whose id starts
// with "slow" takes 30 ms, "hang" never returns, "exit" ends the thread; any other succeeds at once.
import { workerData } from 'node:worker_threads';
import { serveArticles, type WorkerData } from '../../../src/pool.ts';
import { articleRow, emptyRows } from '../../../src/tables/rows.ts';
import { toCsv } from '../../../src/tables/writer.ts';

serveArticles(workerData as WorkerData, (item) => {
  if (item.id.startsWith('hang')) for (;;);
  if (item.id.startsWith('exit')) process.exit(3);
  if (item.id.startsWith('slow')) for (const until = Date.now() + 30; Date.now() < until; );
  const rows = emptyRows();
  rows.articles.push(articleRow(item, 'ok'));
  return { id: item.id, input: item.input, ok: true, csv: toCsv(rows), messages: [], timings: {}, bytes: 1 };
});
