// A trie over UTF-16 code units for dictionary lookups on the original text: every match is a span,
// found without rewriting or re-segmenting the text. Keys are char codes (no one-character strings are
// made per lookup), and the sets of first characters and first pairs reject most positions at once.

const PAIR_SLOTS = 1 << 20;
const pairSlot = (a: number, b: number) => ((a * 4099) ^ b) & (PAIR_SLOTS - 1);

interface TrieNode<V> {
  next?: Map<number, TrieNode<V>>;
  values?: V[];
}

export interface TrieMatch<V> {
  start: number;
  end: number;
  values: V[];
}

export class Trie<V> {
  private readonly root: TrieNode<V> = {};
  /** 1 for every char code an entry starts with: most positions are rejected with one array read. */
  private readonly first = new Uint8Array(65536);
  /** 1 for every char code that is an entry by itself. */
  private readonly single = new Uint8Array(65536);
  /** 1 for (a hash of) every pair of char codes an entry starts with: a second rejection, without a Map. */
  private readonly pairs = new Uint8Array(PAIR_SLOTS >> 3);
  size = 0;

  add(word: string, value: V): void {
    if (!word) return;
    this.first[word.charCodeAt(0)] = 1;
    if (word.length === 1) this.single[word.charCodeAt(0)] = 1;
    else {
      const slot = pairSlot(word.charCodeAt(0), word.charCodeAt(1));
      this.pairs[slot >> 3] |= 1 << (slot & 7);
    }
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = {}));
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this.size++;
    }
    node.values.push(value);
  }

  get(word: string): V[] | undefined {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = 0; i < word.length && node; i++) node = node.next?.get(word.charCodeAt(i));
    return node?.values;
  }

  /** Could an entry start at `pos`? (By its first one or two characters: a cheap test before a lookup.) */
  startsAt(text: string, pos: number): boolean {
    return this.mayStartAt(text, pos, text.length);
  }

  /** Could an entry start at `pos` and end at or before `limit`, by its first one or two characters? */
  private mayStartAt(text: string, pos: number, limit: number): boolean {
    const c = text.charCodeAt(pos);
    if (this.first[c] !== 1) return false;
    return this.single[c] === 1 || (pos + 1 < limit && this.hasPair(c, text.charCodeAt(pos + 1)));
  }

  private hasPair(a: number, b: number): boolean {
    const slot = pairSlot(a, b);
    return (this.pairs[slot >> 3] & (1 << (slot & 7))) !== 0;
  }

  /** The longest entry that starts at `pos` (and ends at or before `limit`). */
  longestAt(text: string, pos: number, limit = text.length): TrieMatch<V> | undefined {
    if (!this.mayStartAt(text, pos, limit)) return undefined;
    let node = this.root.next?.get(text.charCodeAt(pos));
    let end = -1;
    let values: V[] | undefined;
    for (let i = pos + 1; node && i <= limit; i++) {
      if (node.values) (end = i), (values = node.values);
      if (i === limit) break;
      node = node.next?.get(text.charCodeAt(i));
    }
    return values ? { start: pos, end, values } : undefined;
  }

  /** Every entry that starts at `pos`, shortest first. */
  allAt(text: string, pos: number, limit = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    if (!this.mayStartAt(text, pos, limit)) return out;
    let node = this.root.next?.get(text.charCodeAt(pos));
    for (let i = pos + 1; node && i <= limit; i++) {
      if (node.values) out.push({ start: pos, end: i, values: node.values });
      if (i === limit) break;
      node = node.next?.get(text.charCodeAt(i));
    }
    return out;
  }

  /**
   * For a trie whose words were added reversed (`addReversed`): the longest word that ends exactly at
   * `end` and starts at or after `floor`. Used where the last character is the rare one (镇, 乡, 街道).
   */
  longestEndingAt(text: string, end: number, floor = 0): TrieMatch<V> | undefined {
    if (end - 1 < floor) return undefined;
    const c = text.charCodeAt(end - 1);
    if (this.first[c] !== 1 || (this.single[c] !== 1 && !(end - 2 >= floor && this.hasPair(c, text.charCodeAt(end - 2))))) return undefined;
    let node = this.root.next?.get(text.charCodeAt(end - 1));
    let start = -1;
    let values: V[] | undefined;
    for (let i = end - 1; node && i >= floor; i--) {
      if (node.values) (start = i), (values = node.values);
      if (i === floor) break;
      node = node.next?.get(text.charCodeAt(i - 1));
    }
    return values ? { start, end, values } : undefined;
  }

  addReversed(word: string, value: V): void {
    this.add(word.split('').reverse().join(''), value); // by code unit, as longestEndingAt walks back
  }

  /** Leftmost-longest matches over [from, to), not overlapping. */
  scan(text: string, from = 0, to = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    for (let i = from; i < to; ) {
      const m = this.longestAt(text, i, to);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
