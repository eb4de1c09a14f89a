// Bytes → text, one test per encoding case. The bytes decide, not the <meta> label; what cannot be read is
// refused with a code, never turned into mojibake. Expected values come from the gold files and from
// round trips of made-up text, not from copied literals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleError, createDoc } from '../../src/doc.ts';
import { renderHtml } from '../../src/clean/html.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { decodeBytes, declaredCharset } from '../../src/read/decode.ts';
import { DATA, GOLD, context, readJson } from '../helpers.ts';
import { encoderFor } from './legacy-encoding.ts';

const ARTICLE = '1月17日晚，省委书记刘国中出席西安市疫情防控调度会。他强调，要坚决打赢疫情防控攻坚战。';
const page = (charset: string | undefined, body = ARTICLE) =>
  `<html><head>${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ''}<title>西安市召开疫情防控调度会</title></head><body><p>${body}</p></body></html>`;

const gbk = encoderFor('gbk');

function decodeError(bytes: Uint8Array, declared?: string): string {
  try {
    decodeBytes(bytes, declared);
  } catch (e) {
    expect(e).toBeInstanceOf(ArticleError);
    return (e as ArticleError).code;
  }
  throw new Error('decoded without an error');
}

const d06Gold = readJson<{ title: string; source: string }>(join(GOLD, 'd06.json'));
const d05Gold = readJson<{ title: string }>(join(GOLD, 'd05.json'));
const d06 = readFileSync(join(DATA, 'd06.html'));
const d05 = readFileSync(join(DATA, 'd05.html'));

describe('declaredCharset', () => {
  it('reads <meta charset>, http-equiv content and an XML prolog, and nothing from a page without one', () => {
    expect(declaredCharset(Buffer.from('<meta charset="UTF-8"><p>x</p>'))).toBe('utf-8');
    expect(declaredCharset(Buffer.from(page('GB2312')))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="GBK"?><html/>'))).toBe('gbk');
    expect(declaredCharset(Buffer.from(page(undefined)))).toBeUndefined();
    expect(declaredCharset(d06)).toBe('gb2312');
  });
});

describe('decodeBytes', () => {
  it('UTF-8: read as UTF-8, the text unchanged', () => {
    const html = page('utf-8');
    const d = decodeBytes(Buffer.from(html), 'utf-8');
    expect(d).toEqual({ text: html, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.from(ARTICLE)).text).toBe(ARTICLE); // a .txt has no label
  });

  it('UTF-8 with a BOM: the BOM is dropped, whatever the label says', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]), 'gb2312');
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text).toBe(ARTICLE);
  });

  it('UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text: ARTICLE, encoding: 'utf-16le' });
  });

  it('GBK: made-up text round-trips, with or without a GB label', () => {
    for (const label of [undefined, 'gb2312', 'GBK', 'gb18030']) {
      const d = decodeBytes(gbk(ARTICLE), label);
      expect(d.text).toBe(ARTICLE);
      expect(d.encoding).toBe('gb18030');
      expect(d.mislabeled).toBeUndefined(); // GB2312 and GBK are subsets of GB18030: not a wrong label
    }
  });

  it('GBK: the real GB2312 page d06.html decodes to text holding its headline and source', () => {
    const d = decodeBytes(d06, declaredCharset(d06));
    expect(d.encoding).toBe('gb18030');
    expect(d.mislabeled).toBeUndefined();
    expect(d.text).toContain(d06Gold.title);
    expect(d.text).toContain(d06Gold.source);
    expect(d.text).not.toContain('\ufffd');
    expect(renderHtml(d.text).html.title).toBe(d06Gold.title);
  });

  it('a GBK page labelled UTF-8 is read as GBK and reported as mislabeled', () => {
    const relabeled = Buffer.from(d06.toString('latin1').replace('charset=GB2312', 'charset=utf-8'), 'latin1');
    expect(declaredCharset(relabeled)).toBe('utf-8');
    const d = decodeBytes(relabeled, declaredCharset(relabeled));
    expect(d.encoding).toBe('gb18030');
    expect(d.mislabeled).toBe('utf-8');
    expect(renderHtml(d.text).html.title).toBe(d06Gold.title);

    const made = decodeBytes(gbk(page('utf-8')), 'utf-8');
    expect(made).toEqual({ text: page('utf-8'), encoding: 'gb18030', mislabeled: 'utf-8' });
  });

  it('a UTF-8 page labelled GB2312 is read as UTF-8 and reported as mislabeled', () => {
    const relabeled = Buffer.from(d05.toString('utf8').replace('charset=UTF-8', 'charset=gb2312'));
    const d = decodeBytes(relabeled, declaredCharset(relabeled));
    expect(d.encoding).toBe('utf-8');
    expect(d.mislabeled).toBe('gb2312');
    expect(renderHtml(d.text).html.title).toBe(d05Gold.title);
  });

  it('a pure-ASCII page is not mislabeled by an ASCII-compatible label', () => {
    const d = decodeBytes(Buffer.from('<meta charset="iso-8859-1"><p>Vice Premier Sun Chunlan said.</p>'), 'iso-8859-1');
    expect(d.mislabeled).toBeUndefined();
  });

  it('a Big5 page labelled Big5 is read as Big5, not as GB18030 mojibake', () => {
    const text = '行政長官出席記者會。他強調，要做好防疫工作。';
    const d = decodeBytes(encoderFor('big5')(text), 'big5');
    expect(d).toEqual({ text, encoding: 'big5' });
  });

  it('undecodable bytes fail with E_UNDECODABLE, naming an unknown declared charset', () => {
    const utf8 = Buffer.from(ARTICLE);
    const broken = Buffer.concat([utf8.subarray(0, 9), Buffer.from([0xff]), utf8.subarray(9)]);
    expect(decodeError(broken)).toBe('E_UNDECODABLE');
    // A GBK lead byte followed by '<': neither GBK nor UTF-8.
    const gbBroken = Buffer.concat([gbk('会议强调'), Buffer.from([0xd6]), Buffer.from('<p>'), gbk('要加强')]);
    expect(decodeError(gbBroken, 'gbk')).toBe('E_UNDECODABLE');
    expect(() => decodeBytes(broken, 'x-no-such-charset')).toThrow(/x-no-such-charset/);
  });

  it('a page cut off inside a character keeps everything before the cut (UTF-8 and GBK)', () => {
    const utf8 = Buffer.from(page('utf-8'));
    const cutAt = utf8.indexOf(Buffer.from('调度会')) + 1; // one byte into 调
    const d = decodeBytes(utf8.subarray(0, cutAt), 'utf-8');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(utf8.subarray(0, cutAt - 1).toString('utf8'));

    const gb = gbk(ARTICLE);
    const g = decodeBytes(gb.subarray(0, gb.length - 1)); // the last 。 loses its second byte
    expect(g.encoding).toBe('gb18030');
    expect(g.text).toBe(ARTICLE.slice(0, -1));

    // The real GB2312 page, cut after the lead byte of a character of its headline.
    const at = d06.indexOf(gbk(d06Gold.title)) + 3;
    expect(decodeBytes(d06.subarray(0, at)).text.endsWith(d06Gold.title.slice(0, 1))).toBe(true);
  });

  it('binary data and empty input are refused with their own codes', () => {
    expect(decodeError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('E_BINARY');
    expect(decodeError(Buffer.alloc(0))).toBe('E_EMPTY');
  });
});

describe('the decode stage', () => {
  it('records the encoding and a W_CHARSET_MISMATCH warning for a mislabeled page, and the article still comes out', () => {
    const doc = createDoc({ id: 'x', input: 'x.html', format: 'html', bytes: gbk(page('utf-8')) });
    runPipeline(doc, context());
    expect(doc.encoding).toBe('gb18030');
    expect(doc.messages.filter((m) => m.code === 'W_CHARSET_MISMATCH').map((m) => m.stage)).toEqual(['decode']);
    expect(doc.people.map((p) => p.name)).toContain('刘国中');
  });
});
