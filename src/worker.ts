// A worker thread: loads the dictionaries and nodejieba once, then processes the articles it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { processArticle } from './article.ts';
import { DictionaryErrors, openDictionaries } from './dictionaries/index.ts';
import { serveArticles, type WorkerData } from './pool.ts';
import { loadSegmenter } from './text/segment.ts';

const data = workerData as WorkerData;
try {
  const dicts = openDictionaries(data.dictionaries);
  loadSegmenter(dicts.userDictPath);
  const ctx = { lex: dicts.lexicon, timeBudgetMs: data.timeBudgetMs };
  serveArticles(data, (item) => processArticle(item, ctx, data.limits, data.textsDir));
} catch (e) {
  // Dictionary problems go back whole: the main thread reports them as if it had loaded the folder itself.
  const problems = e instanceof DictionaryErrors ? e.problems : undefined;
  parentPort!.postMessage({ type: 'fatal', message: (e as Error).message, problems });
}
