// streamLines: the lines of a JSONL stream however its chunks fall — \n, \r\n and \r end a line, a \r\n
// split across two chunks is one line end, blank lines are kept (the reader skips them and counts them).
import { describe, expect, it } from 'vitest';
import { streamLines } from '../../src/read/inputs.ts';

async function linesOf(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const l of streamLines(source())) out.push(l);
  return out;
}

/** Every way of cutting `text` into two chunks, and into single characters. */
function cuts(text: string): string[][] {
  const out = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

describe('streamLines', () => {
  it.each([
    ['a\nb\n', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['a\rb', ['a', 'b']],
    ['a\n\nb', ['a', '', 'b']],
    ['a\r\r\nb', ['a', '', 'b']],
    ['{"t":"中文"}\n{"t":"x"}', ['{"t":"中文"}', '{"t":"x"}']],
    ['last\r', ['last']],
    ['', []],
  ])('%j → %j, however it is cut into chunks', async (text, lines) => {
    for (const chunks of cuts(text)) expect(await linesOf(chunks)).toEqual(lines);
  });
});
