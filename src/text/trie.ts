// A trie over UTF-16 code units for dictionary lookups on the original text: every match is a span,
// found without rewriting or re-segmenting the text. Keys are char codes (no one-character strings are
// made per lookup), and the set of first characters rejects most positions at once.

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
  size = 0;

  add(word: string, value: V): void {
    if (!word) return;
    this.first[word.charCodeAt(0)] = 1;
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

  /** Could an entry start with the character at `pos`? */
  startsAt(text: string, pos: number): boolean {
    return this.first[text.charCodeAt(pos)] === 1;
  }

  /** The longest entry that starts at `pos` (and ends at or before `limit`). */
  longestAt(text: string, pos: number, limit = text.length): TrieMatch<V> | undefined {
    if (this.first[text.charCodeAt(pos)] !== 1) return undefined;
    let node = this.root.next?.get(text.charCodeAt(pos));
    let best: TrieMatch<V> | undefined;
    for (let i = pos + 1; node && i <= limit; i++) {
      if (node.values) best = { start: pos, end: i, values: node.values };
      if (i === limit) break;
      node = node.next?.get(text.charCodeAt(i));
    }
    return best;
  }

  /** Every entry that starts at `pos`, shortest first. */
  allAt(text: string, pos: number, limit = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    if (this.first[text.charCodeAt(pos)] !== 1) return out;
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
    if (end - 1 < floor || this.first[text.charCodeAt(end - 1)] !== 1) return undefined;
    let node = this.root.next?.get(text.charCodeAt(end - 1));
    let best: TrieMatch<V> | undefined;
    for (let i = end - 1; node && i >= floor; i--) {
      if (node.values) best = { start: i, end, values: node.values };
      if (i === floor) break;
      node = node.next?.get(text.charCodeAt(i - 1));
    }
    return best;
  }

  addReversed(word: string, value: V): void {
    this.add([...word].reverse().join(''), value);
  }

  /** Leftmost-longest matches over [from, to), not overlapping. */
  scan(text: string, from = 0, to = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    const first = this.first;
    for (let i = from; i < to; ) {
      const m = first[text.charCodeAt(i)] === 1 ? this.longestAt(text, i, to) : undefined;
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
