// The README documents what the code does: its column tables are printed from src/tables/columns.ts, and
// its troubleshooting section lists every code the code can emit.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsMarkdown } from '../../src/tools/columns-md.ts';
import { ROOT } from '../helpers.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mjs)$/.test(f) ? [p] : [];
  });
}

describe('README', () => {
  it('has the column tables exactly as src/tables/columns.ts defines them', () => {
    expect(readme).toContain(columnsMarkdown());
  });

  it('lists every error, skip, warning and dictionary code the code emits', () => {
    const codes = new Set<string>();
    for (const f of sources(join(ROOT, 'src'))) {
      if (f.includes('/tools/')) continue;
      for (const m of readFileSync(f, 'utf8').matchAll(/['"`]((?:E|S|W|DICT)_[A-Z_]+)['"`]/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(10);
    const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting'));
    for (const code of codes) expect(troubleshooting, code).toContain(`\`${code}\``);
  });
});
