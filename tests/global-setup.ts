// One extract run over data/ (jobs 1) before the tests; tests that check the real articles read its tables
// through inject('dataRun') instead of each running the pipeline again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runExtract } from '../src/run.ts';
import { DATA } from './helpers.ts';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'cge-data-run-'));
  const out = join(dir, 'out');
  await runExtract({ inputs: [DATA], out, jobs: 1, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true });
  project.provide('dataRun', out);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dataRun: string;
  }
}
