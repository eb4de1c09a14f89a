// A worker thread: loads the dictionaries and nodejieba once, then processes the articles it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { processArticle, type Limits } from './article.ts';
import { openDictionaries } from './dictionaries/index.ts';
import type { ArticleInput } from './read/inputs.ts';
import { packCsv } from './tables/writer.ts';
import { loadSegmenter } from './text/segment.ts';

const { dictionaries, timeBudgetMs, limits } = workerData as { dictionaries: string; timeBudgetMs: number; limits: Limits };
const port = parentPort!;
try {
  const dicts = openDictionaries(dictionaries);
  loadSegmenter(dicts.userDictPath);
  const ctx = { lex: dicts.lexicon, timeBudgetMs };
  port.on('message', (m: { type: string; item: ArticleInput; textsDir: string }) => {
    if (m.type !== 'article') return;
    const result = processArticle(m.item, ctx, limits, m.textsDir);
    const csv = packCsv(result.csv);
    port.postMessage({ type: 'result', result: { ...result, csv } }, [csv.packed!.bytes.buffer]);
  });
  port.postMessage({ type: 'ready' });
} catch (e) {
  port.postMessage({ type: 'fatal', message: (e as Error).message });
}
