// A character trie for dictionary lookups over the original text: every match is a span, found without
// rewriting or re-segmenting the text.

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  values?: V[];
}

export interface TrieMatch<V> {
  start: number;
  end: number;
  values: V[];
}

export class Trie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };
  size = 0;

  add(word: string, value: V): void {
    if (!word) return;
    let node = this.root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
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
    for (const ch of word) {
      node = node.next.get(ch);
      if (!node) return undefined;
    }
    return node.values;
  }

  /** The longest entry that starts at `pos` (and ends at or before `limit`). */
  longestAt(text: string, pos: number, limit = text.length): TrieMatch<V> | undefined {
    let node: TrieNode<V> | undefined = this.root;
    let best: TrieMatch<V> | undefined;
    for (let i = pos; i < limit; i++) {
      node = node.next.get(text[i]);
      if (!node) break;
      if (node.values) best = { start: pos, end: i + 1, values: node.values };
    }
    return best;
  }

  /** Every entry that starts at `pos`, shortest first. */
  allAt(text: string, pos: number, limit = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    let node: TrieNode<V> | undefined = this.root;
    for (let i = pos; i < limit; i++) {
      node = node.next.get(text[i]);
      if (!node) break;
      if (node.values) out.push({ start: pos, end: i + 1, values: node.values });
    }
    return out;
  }

  /** Leftmost-longest matches over [from, to), not overlapping. */
  scan(text: string, from = 0, to = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    for (let i = from; i < to; ) {
      const m = this.root.next.has(text[i]) ? this.longestAt(text, i, to) : undefined;
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }

  /** The longest entry that ends exactly at `end` (searching back at most `maxLen` characters). */
  longestEndingAt(text: string, end: number, maxLen: number, from = 0): TrieMatch<V> | undefined {
    for (let start = Math.max(from, end - maxLen); start < end; start++) {
      const values = this.root.next.has(text[start]) ? this.get(text.slice(start, end)) : undefined;
      if (values) return { start, end, values };
    }
    return undefined;
  }
}
