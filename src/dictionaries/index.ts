// Open a dictionary folder: load and check every file (all problems at once), compile, and write the
// nodejieba user dictionary to a cache file named by its content, so every worker loads the same file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileLexicon, type Lexicon } from './compile.ts';
import { DEFAULT_DICTIONARIES } from './folder.ts';
import { loadDictionaries } from './load.ts';

export { DEFAULT_DICTIONARIES, DictionaryErrors, formatProblem } from './folder.ts';
export type { Lexicon } from './compile.ts';

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
