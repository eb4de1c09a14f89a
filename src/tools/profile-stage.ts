// Time one stage over many real articles, the earlier stages run beforehand: where does a stage spend?
// usage: tsx src/tools/profile-stage.ts <jsonl> <stage> [limit]
import { readFileSync } from 'node:fs';
import { openDictionaries } from '../dictionaries/index.ts';
import { createDoc } from '../doc.ts';
import { runPipeline, STAGES } from '../pipeline.ts';
import { loadSegmenter, Segmentation } from '../text/segment.ts';

const [file, stageName, limit = '100000'] = process.argv.slice(2);
const d = openDictionaries();
loadSegmenter(d.userDictPath);
const ctx = { lex: d.lexicon, timeBudgetMs: 1e9 };
const idx = STAGES.findIndex((s) => s.name === stageName);
const rows = readFileSync(file, 'utf8').trim().split('\n').slice(0, Number(limit)).map((l) => JSON.parse(l));
const docs = rows.map((r, i) => {
  const doc = createDoc({ id: String(i), input: file, format: 'jsonl', columns: { text: r.text, title: r.title, published_at: r.published_at } });
  runPipeline(doc, ctx, STAGES.slice(0, idx));
  return doc;
});
const stage = STAGES[idx];
let fastest = Infinity; // this VM's timings vary by a fifth: compare the fastest rounds
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  // structuredClone keeps the segmentation's fields, not its class.
  const copies = docs.map((x) => structuredClone(x));
  for (const c of copies) if (c.boundaries) Object.setPrototypeOf(c.boundaries, Segmentation.prototype);
  const t = performance.now();
  for (const doc of copies) stage.run(doc, ctx);
  const ms = performance.now() - t;
  fastest = Math.min(fastest, ms);
  console.log(stage.name, ms.toFixed(0), 'ms for', copies.length, 'articles');
}
console.log(`fastest round: ${stage.name} ${fastest.toFixed(1)} ms`);
if (!process.env.ROUNDS) {
  const t: Record<string, number> = {};
  for (const r of rows.slice(0, docs.length)) {
    const doc = createDoc({ id: 'x', input: file, format: 'jsonl', columns: { text: r.text, title: r.title, published_at: r.published_at } });
    runPipeline(doc, ctx);
    for (const [k, v] of Object.entries(doc.timings)) t[k] = (t[k] ?? 0) + v;
  }
  console.log('in sequence:', Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
}
