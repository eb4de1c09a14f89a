// `npm run extract` runs with the heap flags the run is tuned for (src/run.ts NODE_FLAGS); the bench passes
// the same, so what it measures is what users run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, SEMI_SPACE_MB } from '../../src/run.ts';
import { ROOT } from '../helpers.ts';

describe('heap flags', () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

  it('npm run extract passes every flag of NODE_FLAGS to node, before the program', () => {
    const words = scripts.extract.split(' ');
    expect(words[0]).toBe('node');
    const program = words.indexOf('src/cli.ts');
    for (const flag of NODE_FLAGS) {
      expect(words).toContain(flag);
      expect(words.indexOf(flag)).toBeLessThan(program);
    }
    expect(scripts.extract).toMatch(/--import tsx src\/cli\.ts extract$/);
  });

  it('the semi-space flag is the size worker threads get', () => {
    expect(NODE_FLAGS).toContain(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  });
});
