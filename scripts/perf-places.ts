import { readFileSync } from 'node:fs';
import { openDictionaries } from '../src/dictionaries/index.ts';
const d = openDictionaries();
const lex = d.lexicon;
const texts = readFileSync('/tmp/big/y2019.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text.replace(/<[^>]+>/g, ''));
let t = performance.now(); let n = 0; let chars = 0;
for (const s of texts) { n += lex.places.scan(s).length; chars += s.length; }
console.log('places scan', (performance.now() - t).toFixed(0), 'ms', n, 'matches', chars, 'chars');
t = performance.now(); n = 0;
for (const s of texts) for (let i = 0; i < s.length; i++) if (lex.places.startsAt(s, i)) n++;
console.log('startsAt', (performance.now() - t).toFixed(0), 'ms', n);
t = performance.now(); n = 0;
for (const s of texts) n += lex.titles.scan(s).length + lex.verbs.scan(s).length;
console.log('titles+verbs scan', (performance.now() - t).toFixed(0), 'ms', n);
