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
const DOUBLE_BYTE = new Set(['big5', 'shift_jis', 'euc-jp', 'euc-kr']);

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
  // Bytes of the other double-byte encodings (Big5 from Hong Kong and Taiwan, Japanese, Korean) are nearly
  // always valid GB18030 too: a page declaring one is tried as such first. Single-byte labels (latin1)
  // accept any bytes, so they come last.
  const candidates = label && DOUBLE_BYTE.has(label) ? ['utf-8', label, 'gb18030'] : ['utf-8', 'gb18030'];
  if (label && !candidates.includes(label)) candidates.push(label);
  // Pure ASCII reads the same in every label we accept: no label is wrong for it.
  const ascii = bytes.every((b) => b < 0x80);
  for (const enc of candidates) {
    const text = tryDecode(enc, bytes);
    if (text === undefined) continue;
    const mislabeled = label && label !== enc && !ascii ? declared : undefined;
    return { text, encoding: enc, ...(mislabeled ? { mislabeled } : {}) };
  }
  throw new ArticleError('E_UNDECODABLE', `the bytes are neither UTF-8 nor GB18030/GBK${label && !['utf-8', 'gb18030'].includes(label) ? ` nor the declared ${declared}` : ''}`);
}

function normalizeLabel(label: string): string {
  const l = label.toLowerCase();
  let name = l;
  try {
    name = new TextDecoder(l).encoding; // the WHATWG name of an alias: utf8, big5-hkscs, sjis, latin1
  } catch {
    /* unknown: E_UNDECODABLE names it if the bytes need it */
  }
  if (GB_FAMILY.has(l) || name === 'gbk' || name === 'gb18030') return 'gb18030'; // GB18030 is a superset of GB2312 and GBK
  return name;
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
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    // Streaming holds back a character cut off at the very end (a page saved or scraped up to a byte
    // limit) instead of failing the whole file; invalid bytes anywhere else still throw.
    const text = decoder.decode(bytes, { stream: true });
    try {
      return text + decoder.decode();
    } catch {
      return text;
    }
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
