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
  size = 0;

  add(word: string, value: V): void {
    if (!word) return;
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
    return !!this.root.next?.has(text.charCodeAt(pos));
  }

  /** The longest entry that starts at `pos` (and ends at or before `limit`). */
  longestAt(text: string, pos: number, limit = text.length): TrieMatch<V> | undefined {
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
    let node = this.root.next?.get(text.charCodeAt(pos));
    for (let i = pos + 1; node && i <= limit; i++) {
      if (node.values) out.push({ start: pos, end: i, values: node.values });
      if (i === limit) break;
      node = node.next?.get(text.charCodeAt(i));
    }
    return out;
  }

  /** Leftmost-longest matches over [from, to), not overlapping. */
  scan(text: string, from = 0, to = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    const first = this.root.next;
    if (!first) return out;
    for (let i = from; i < to; ) {
      const m = first.has(text.charCodeAt(i)) ? this.longestAt(text, i, to) : undefined;
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
