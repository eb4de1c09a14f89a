// Open a dictionary folder: load and check every file (all problems at once), compile, and write the
// nodejieba user dictionary to a cache file named by its content, so every worker loads the same file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLexicon, type Lexicon } from './compile.ts';
import { loadDictionaries } from './load.ts';

export { DictionaryErrors, formatProblem } from './load.ts';
export type { Lexicon } from './compile.ts';

/** The project's own dictionaries/ folder (the default of --dictionaries). */
export const DEFAULT_DICTIONARIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../dictionaries');

export interface Dictionaries {
  dir: string;
  lexicon: Lexicon;
  userDictPath: string;
}

export function openDictionaries(dir = DEFAULT_DICTIONARIES): Dictionaries {
  const raw = loadDictionaries(dir); // throws DictionaryErrors, unknown alias places included
  const lexicon = compileLexicon(raw);
  return { dir, lexicon, userDictPath: writeUserDict(lexicon.userDictLines) };
}

function writeUserDict(lines: string[]): string {
  const body = lines.join('\n') + '\n';
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'cn-gov-events');
  const path = join(dir, `userdict-${hash}.utf8`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, body);
    renameSync(tmp, path); // whole or not at all, even with several processes starting at once
  }
  return path;
}
