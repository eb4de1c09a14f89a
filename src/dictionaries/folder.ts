// The dictionary folder: where it is unless --dictionaries says otherwise, and what can be wrong in it.
// Apart from the loader (CSV parsing, date checks): the main thread of a --jobs N run loads no dictionary —
// its workers do, and send their problems back — so it starts the workers without loading either.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own dictionaries/ folder (the default of --dictionaries). */
export const DEFAULT_DICTIONARIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../dictionaries');

export interface DictionaryProblem {
  file: string;
  line: number;
  code: string;
  message: string;
}

export class DictionaryErrors extends Error {
  constructor(readonly problems: DictionaryProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(p: DictionaryProblem): string {
  return `${p.file}:${p.line}: ${p.code} ${p.message}`;
}
