// `npm run extract` runs with the young-generation size the run is tuned for (src/run.ts SEMI_SPACE_MB);
// the bench passes the same flag, so what it measures is what users run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEMI_SPACE_MB } from '../../src/run.ts';
import { ROOT } from '../helpers.ts';

describe('heap flags', () => {
  it('npm run extract passes --max-semi-space-size of SEMI_SPACE_MB', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.extract.split(' ')).toContain(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(scripts.extract).toMatch(/--import tsx src\/cli\.ts extract$/);
  });
});
