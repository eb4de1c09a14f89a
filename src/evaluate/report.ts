// How scores are shown: a text table for people, a JSON object for scripts, the misses and extras behind each
// number on request, and the measures under a --min threshold that decide the exit code.
import {
  accuracy, CATEGORIES, METADATA_FIELDS, OVERALL_CATEGORIES, overallF1, precisionRecallF1,
  type Item, type Scores,
} from './score.ts';

export interface ReportContext {
  gold: string;
  out: string;
  explain: boolean;
  min?: number;
}

export interface BelowMin {
  /** e.g. `places F1` or `editor accuracy`. */
  measure: string;
  value: number;
}

/** Every category F1 and metadata accuracy strictly below `min` (fields no gold file gives are not measured). */
export function belowMin(scores: Scores, min: number): BelowMin[] {
  const below: BelowMin[] = [];
  for (const field of METADATA_FIELDS) {
    const value = accuracy(scores.metadata[field]);
    if (value !== null && value < min) below.push({ measure: `${field} accuracy`, value });
  }
  for (const category of CATEGORIES) {
    const value = precisionRecallF1(scores.categories[category]).f1;
    if (value < min) below.push({ measure: `${category} F1`, value });
  }
  return below;
}

export function formatText(scores: Scores, ctx: ReportContext): string {
  const lines: string[] = [];
  const languages = Object.entries(scores.languages).map(([lang, n]) => `${n} ${lang}`).join(', ');
  lines.push(`gold ${ctx.gold}: ${scores.articles.length} articles (${languages || 'none'}); run ${ctx.out}`);
  lines.push(
    `missing from articles.csv: ${scores.missing.length}` +
      (scores.missing.length ? ` (${scores.missing.join(', ')}) — scored as all misses` : ''),
  );
  lines.push('', `  ${'metadata'.padEnd(18)} accuracy`);
  for (const field of METADATA_FIELDS) {
    const m = scores.metadata[field];
    const value = accuracy(m);
    lines.push(`  ${field.padEnd(18)} ${value === null ? '  -  ' : value.toFixed(3)}  (${m.correct}/${m.total})`);
  }
  lines.push('', `  ${'category'.padEnd(18)} ${['P', 'R', 'F1'].map((h) => h.padEnd(5)).join('  ')}  ${['tp', 'fp', 'fn'].map((h) => h.padStart(5)).join('  ')}`);
  for (const category of CATEGORIES) {
    const t = scores.categories[category];
    const { precision, recall, f1 } = precisionRecallF1(t);
    lines.push(
      `  ${category.padEnd(18)} ${precision.toFixed(3)}  ${recall.toFixed(3)}  ${f1.toFixed(3)}  ` +
        [t.tp, t.fp, t.fn].map((n) => String(n).padStart(5)).join('  '),
    );
  }
  lines.push('', `not_in_article leaks: ${scores.leaks.length}`);
  lines.push(`overall F1 ${overallF1(scores).toFixed(3)}  (mean F1 of ${OVERALL_CATEGORIES.join(', ')})`);
  if (ctx.explain) lines.push('', ...explainLines(scores));
  if (ctx.min !== undefined) {
    const below = belowMin(scores, ctx.min);
    lines.push(
      '',
      below.length
        ? `below --min ${ctx.min}: ${below.map((b) => `${b.measure} ${b.value.toFixed(4)}`).join(', ')}`
        : `every F1 and accuracy is at least --min ${ctx.min}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Every miss and extra, grouped by measure; a measure with none is one line saying so. */
export function explainLines(scores: Scores): string[] {
  const lines: string[] = ['misses (gold the run lacks) and extras (run rows the gold lacks):'];
  const item = (label: string, i: Item) => `  ${label.padEnd(6)} ${i.article_id}  ${i.text}`;
  if (scores.missing.length) {
    lines.push(`articles missing from articles.csv: ${scores.missing.length}`);
    for (const id of scores.missing) lines.push(`  miss   ${id}`);
  }
  for (const field of METADATA_FIELDS) {
    const m = scores.metadata[field];
    lines.push(`${field}: ${m.wrong.length} wrong`);
    for (const w of m.wrong) lines.push(item('wrong', w));
  }
  for (const category of CATEGORIES) {
    const t = scores.categories[category];
    lines.push(`${category}: ${t.misses.length} missed, ${t.extras.length} extra`);
    for (const m of t.misses) lines.push(item('miss', m));
    for (const e of t.extras) lines.push(item('extra', e));
  }
  lines.push(`not_in_article leaks: ${scores.leaks.length}`);
  for (const l of scores.leaks) lines.push(`  leak   ${l.article_id}  ${l.name} (in ${l.found.where}: ${l.found.value})`);
  return lines;
}

export function toJson(scores: Scores, ctx: ReportContext): object {
  const below = ctx.min === undefined ? undefined : belowMin(scores, ctx.min);
  return {
    gold: ctx.gold,
    out: ctx.out,
    articles: { scored: scores.articles.length, by_language: scores.languages, missing: scores.missing },
    metadata: Object.fromEntries(
      METADATA_FIELDS.map((field) => {
        const m = scores.metadata[field];
        return [field, { accuracy: accuracy(m), correct: m.correct, total: m.total, ...(ctx.explain && { wrong: m.wrong }) }];
      }),
    ),
    categories: Object.fromEntries(
      CATEGORIES.map((category) => {
        const t = scores.categories[category];
        return [
          category,
          { ...precisionRecallF1(t), tp: t.tp, fp: t.fp, fn: t.fn, ...(ctx.explain && { misses: t.misses, extras: t.extras }) },
        ];
      }),
    ),
    leaks: {
      count: scores.leaks.length,
      items: scores.leaks.map((l) => ({ article_id: l.article_id, name: l.name, found_in: l.found.where, entity: l.found.value })),
    },
    overall_f1: overallF1(scores),
    overall_categories: OVERALL_CATEGORIES,
    ...(below && { min: { threshold: ctx.min, below } }),
  };
}
