// Print the output tables' columns as Markdown, from src/tables/columns.ts (the one definition): the README's
// "Tables" section is this output, and tests/tables/readme.test.ts checks that it stays so.
// usage: npx tsx src/tools/columns-md.ts
import { TABLES, TABLE_NAMES } from '../tables/columns.ts';

export function columnsMarkdown(): string {
  const out: string[] = [];
  for (const name of TABLE_NAMES) {
    const t = TABLES[name];
    out.push(`**\`${t.file}\`** — ${t.doc}`, '', '| column | meaning |', '| --- | --- |');
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${c.doc.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, ''))) process.stdout.write(columnsMarkdown());
