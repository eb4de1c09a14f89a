// The character trie behind every dictionary lookup: what must match and what must not.
import { describe, expect, it } from 'vitest';
import { Trie } from '../../src/text/trie.ts';

function trieOf(words: string[]): Trie<string> {
  const t = new Trie<string>();
  for (const w of words) t.add(w, w);
  return t;
}

describe('Trie', () => {
  const t = trieOf(['西安', '西安市', '陕西', '陕西省', '市', '雁塔区']);

  it.each([
    ['西安市疫情', 0, '西安市'],
    ['在陕西省', 1, '陕西省'],
    ['西安人', 0, '西安'],
    ['市长', 0, '市'],
  ])('longestAt: %s at %i is %s', (text, pos, word) => expect(t.longestAt(text, pos)?.values).toEqual([word]));

  it.each([
    ['西', 0], // a prefix only
    ['安市', 0],
    ['西安市', 1],
    ['东安', 0],
  ])('longestAt: nothing in %s at %i', (text, pos) => expect(t.longestAt(text, pos)).toBeUndefined());

  it('longestAt stops at the limit', () => expect(t.longestAt('西安市', 0, 2)).toEqual({ start: 0, end: 2, values: ['西安'] }));
  it('allAt gives every entry, shortest first', () => expect(t.allAt('西安市', 0).map((m) => m.end)).toEqual([2, 3]));
  it('get finds whole words only', () => {
    expect(t.get('陕西省')).toEqual(['陕西省']);
    expect(t.get('陕')).toBeUndefined();
    expect(t.get('陕西省长')).toBeUndefined();
  });
  it('scan finds leftmost-longest matches without overlap', () =>
    expect(t.scan('陕西省西安市雁塔区').map((m) => m.values[0])).toEqual(['陕西省', '西安市', '雁塔区']));

  it('keeps every value added for one word', () => {
    const two = new Trie<number>();
    two.add('鼓楼区', 1);
    two.add('鼓楼区', 2);
    expect(two.get('鼓楼区')).toEqual([1, 2]);
    expect(two.size).toBe(1);
  });

  it('reversed words are found from their last character', () => {
    const r = new Trie<string>();
    r.addReversed('长安街道', 'x');
    expect(r.longestEndingAt('在长安街道办', 5)).toEqual({ start: 1, end: 5, values: ['x'] });
    expect(r.longestEndingAt('在长安街道办', 5, 2)).toBeUndefined();
  });

  it('holds tens of thousands of words (its table grows) and finds each, and no word it was not given', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 500), 0x4e00 + Math.floor(i / 500), 0x5000 + (i % 7)));
    const big = trieOf(words);
    expect(words.filter((w) => big.get(w)?.[0] !== w)).toEqual([]);
    expect(big.get(String.fromCharCode(0x4e00, 0x4e00, 0x5007))).toBeUndefined();
    expect(big.size).toBe(new Set(words).size);
  });
});
