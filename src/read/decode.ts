// Bytes → text. The bytes decide, not the label: scraped archives hold pages whose <meta> says GB2312 while
// the file was re-saved as UTF-8, and the reverse. We use the WHATWG TextDecoder in `fatal` mode (built into
// Node with ICU): unlike iconv-lite it tells us when bytes are not valid in an encoding, which is what lets
// us choose between UTF-8 and GB18030 and refuse undecodable input instead of writing mojibake.
import { ArticleError } from '../doc.ts';

export interface Decoded {
  text: string;
  encoding: string;
  /** The charset the page declared, when it differs from what the bytes are. */
  mislabeled?: string;
}

const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'csgb2312']);

/** The charset a page declares in its first bytes (`<meta charset>`, http-equiv, or an XML prolog). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes.length === 0) throw new ArticleError('E_EMPTY', 'the input is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: strict(enc, bytes.subarray(2)), encoding: enc };
  }
  if (looksBinary(bytes)) throw new ArticleError('E_BINARY', 'the input is binary data, not text');

  const label = declared && normalizeLabel(declared);
  const candidates = ['utf-8', 'gb18030'];
  if (label && !candidates.includes(label)) candidates.push(label);
  for (const enc of candidates) {
    const text = tryDecode(enc, bytes);
    if (text === undefined) continue;
    const mislabeled = label && label !== enc ? declared : undefined;
    return { text, encoding: enc, ...(mislabeled ? { mislabeled } : {}) };
  }
  throw new ArticleError('E_UNDECODABLE', `the bytes are neither UTF-8 nor GB18030/GBK${label && !['utf-8', 'gb18030'].includes(label) ? ` nor the declared ${declared}` : ''}`);
}

function normalizeLabel(label: string): string {
  const l = label.toLowerCase();
  if (GB_FAMILY.has(l)) return 'gb18030'; // GB18030 is a superset of GB2312 and GBK
  if (l === 'utf8') return 'utf-8';
  return l;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return strict(encoding, bytes);
  } catch {
    return undefined;
  }
}

function strict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    if (e instanceof RangeError) throw new ArticleError('E_UNDECODABLE', `unknown charset ${encoding}`);
    throw new ArticleError('E_UNDECODABLE', `the bytes are not valid ${encoding}`);
  }
}

/** NUL bytes or many control characters: an image, an archive, a PDF — not an article. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.02;
}
