// The character tests used in per-character loops agree with what they stand for.
import { describe, expect, it } from 'vitest';
import { charCodes, isWhitespace, lineSpans } from '../../src/text/lines.ts';

describe('isWhitespace', () => {
  it('matches exactly what /\\s/ matches, over every UTF-16 code', () => {
    const differ: string[] = [];
    for (let c = 0; c < 65536; c++) if (/\s/.test(String.fromCharCode(c)) !== isWhitespace(c)) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });
});

describe('charCodes', () => {
  const set = charCodes('。！？');
  it.each([['。'], ['！'], ['？']])('has %s', (c) => expect(set.has(c.charCodeAt(0))).toBe(true));
  it.each([['，'], ['.'], ['a'], ['中']])('does not have %s', (c) => expect(set.has(c.charCodeAt(0))).toBe(false));
});

describe('lineSpans', () => {
  it('gives the non-empty lines without their surrounding spaces, as offsets into the text', () => {
    const text = '  标题\n\n\u3000\u3000正文。\n \n';
    expect(lineSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['标题', '正文。']);
  });
});
