// A bench child: nodejieba alone over a corpus's text cells, one cut(text, true) per article as the
// pipeline makes one call per article. Only the cut calls are timed (reading and JSON parsing are not),
// so this is the ceiling the pipeline is compared against. Prints one JSON line.
// usage: node --import tsx src/tools/bench-raw.ts <corpus.jsonl> [userDictPath]   (no path: jieba's default)
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import nodejieba from 'nodejieba';

const [corpus, userDict] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write('usage: bench-raw.ts <corpus.jsonl> [userDictPath]\n');
  process.exit(2);
}

const t0 = performance.now();
if (userDict) nodejieba.load({ userDict });
else nodejieba.load();
const loadSeconds = (performance.now() - t0) / 1000;

let articles = 0;
let bytes = 0;
let tokens = 0;
let cutMs = 0;
const lines = createInterface({ input: createReadStream(corpus), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const text = (JSON.parse(line) as { text?: string }).text ?? '';
  const t = performance.now();
  tokens += nodejieba.cut(text, true).length;
  cutMs += performance.now() - t;
  bytes += Buffer.byteLength(text);
  articles++;
}

process.stdout.write(
  JSON.stringify({
    dictionary: userDict ? 'user' : 'default',
    articles,
    bytes,
    tokens,
    loadSeconds,
    cutSeconds: cutMs / 1000,
    readySeconds: (t0 + loadSeconds * 1000) / 1000, // since the process started (performance.timeOrigin)
    maxRssKb: process.resourceUsage().maxRSS,
  }) + '\n',
);
