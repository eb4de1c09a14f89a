import { openDictionaries } from '/work/main/src/dictionaries/index.ts';
import { createDoc } from '/work/main/src/doc.ts';
import { runPipeline, STAGES } from '/work/main/src/pipeline.ts';
import { scoreLines } from '/work/main/src/clean/body.ts';
import { loadSegmenter } from '/work/main/src/text/segment.ts';
import { readFileSync } from 'node:fs';
const d = openDictionaries(); loadSegmenter(d.userDictPath);
const file = process.argv[2]; const upto = process.argv[3] ?? 'metadata';
const fmt = file.endsWith('.html') ? 'html' : 'txt';
const doc = createDoc({ id: file.replace(/.*\//,'').replace(/\.\w+$/,''), input: file, format: fmt as any, bytes: readFileSync(file) });
const idx = STAGES.findIndex(s => s.name === upto);
runPipeline(doc, { lex: d.lexicon, timeBudgetMs: 1e9 }, STAGES.slice(0, idx + 1));
const lines = scoreLines(doc, d.lexicon);
for (const l of lines) {
  const inBody = doc.body && l.start >= doc.body.start && l.end <= doc.body.end;
  console.log(`${inBody ? 'B' : ' '} ${l.score.toFixed(0).padStart(5)} ${(l.reason ?? '').padEnd(12)} ${l.hardStop ? 'STOP' : '    '} ${doc.text.slice(l.start, l.end).slice(0, 70)}`);
}
console.log(JSON.stringify(doc.meta, null, 0), doc.referenceDate, doc.credits);
