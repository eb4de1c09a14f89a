// A worker thread: loads the dictionaries and nodejieba once, then processes the articles it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { processArticle } from './article.ts';
import { openDictionaries } from './dictionaries/index.ts';
import type { ArticleInput } from './read/inputs.ts';
import type { WorkerSetup } from './run.ts';
import { packCsv } from './tables/writer.ts';
import { loadSegmenter } from './text/segment.ts';

const { dictionaries, timeBudgetMs, limits, textsDir } = workerData as WorkerSetup;
const port = parentPort!;
try {
  const dicts = openDictionaries(dictionaries);
  loadSegmenter(dicts.userDictPath);
  const ctx = { lex: dicts.lexicon, timeBudgetMs };
  port.on('message', (m: { type: string; item: ArticleInput }) => {
    if (m.type !== 'article') return;
    const result = processArticle(m.item, ctx, limits, textsDir);
    const csv = packCsv(result.csv);
    port.postMessage({ type: 'result', result: { ...result, csv } }, [csv.packed!.bytes.buffer]);
  });
  port.postMessage({ type: 'ready' });
} catch (e) {
  port.postMessage({ type: 'fatal', message: (e as Error).message });
}
