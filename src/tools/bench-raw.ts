// A bench child: nodejieba alone over a corpus's text cells, one cut(text, true) per article as the
// pipeline makes one call per article. The texts are read first and only the cutting is timed, so this is
// the ceiling the pipeline is compared against. Prints one JSON line, with a timeline of the cutting (bytes
// cut at seconds since `startedMs`) for a bench that runs it in turns with others (bench-turns.ts).
// usage: node --import tsx src/tools/bench-raw.ts <corpus.jsonl> [userDictPath] [--until FILE]
//   no path: jieba's default dictionary. --until: cut the texts again and again until FILE exists (the
//   bench makes it when the runs it is compared with have ended), instead of once.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import nodejieba from 'nodejieba';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { until: { type: 'string' } } });
const [corpus, userDict] = positionals;
const until = values.until;
if (!corpus) {
  process.stderr.write('usage: bench-raw.ts <corpus.jsonl> [userDictPath] [--until FILE]\n');
  process.exit(2);
}
/** How often (in articles) the stop file is looked for: a stat call, ~1 µs beside ~0.1 ms of cutting. */
const UNTIL_EVERY = 256;
/** A bench that dies does not leave this cutting for ever. */
const MAX_PASSES = 100;

const t0 = performance.now();
if (userDict) nodejieba.load({ userDict });
else nodejieba.load();
const loadSeconds = (performance.now() - t0) / 1000;

const texts: string[] = [];
let textBytes = 0;
const lines = createInterface({ input: createReadStream(corpus), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const text = (JSON.parse(line) as { text?: string }).text ?? '';
  texts.push(text);
  textBytes += Buffer.byteLength(text);
}

// A point about every megabyte: a run in turns of two seconds gets several per turn.
const POINT_BYTES = 1e6;
const timeline: { bytes: number; seconds: number }[] = [];
let bytes = 0;
let tokens = 0;
let cutMs = 0;
let next = POINT_BYTES;
let passes = 0;
const startedMs = Date.now();
const start = performance.now();
const stopped = () => until !== undefined && existsSync(until);
cutting: for (; passes < (until === undefined ? 1 : MAX_PASSES); passes++) {
  for (let i = 0; i < texts.length; i++) {
    if (i % UNTIL_EVERY === 0 && stopped()) break cutting;
    const text = texts[i];
    const t = performance.now();
    tokens += nodejieba.cut(text, true).length;
    const after = performance.now();
    cutMs += after - t;
    bytes += Buffer.byteLength(text);
    if (bytes >= next) {
      timeline.push({ bytes, seconds: (after - start) / 1000 });
      next = bytes + POINT_BYTES;
    }
  }
}
timeline.push({ bytes, seconds: (performance.now() - start) / 1000 });

process.stdout.write(
  JSON.stringify({
    dictionary: userDict ? 'user' : 'default',
    articles: texts.length,
    passes,
    textBytes,
    bytes,
    tokens,
    loadSeconds,
    cutSeconds: cutMs / 1000,
    readySeconds: (t0 + loadSeconds * 1000) / 1000, // since the process started (performance.timeOrigin)
    maxRssKb: process.resourceUsage().maxRSS,
    startedMs,
    timeline,
  }) + '\n',
);
