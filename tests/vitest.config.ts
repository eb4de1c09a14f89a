// Kept under tests/ so the top level stays as the design card lists it; `npm test` points vitest here.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // nodejieba loads its dictionaries (~1-2 s) once per test file; whole-run tests take longer still.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
