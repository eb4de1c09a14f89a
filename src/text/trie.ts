// A trie over UTF-16 code units for dictionary lookups on the original text: every match is a span,
// found without rewriting or re-segmenting the text. Keys are char codes (no one-character strings are
// made per lookup), and the sets of first characters and first pairs reject most positions at once.

const PAIR_SLOTS = 1 << 20;
const pairSlot = (a: number, b: number) => ((a * 4099) ^ b) & (PAIR_SLOTS - 1);
/** Where the edge (node, char code) is looked for first (multiplicative hashing spreads sequential node numbers). */
const edgeSlot = (node: number, c: number) => Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77);

export interface TrieMatch<V> {
  start: number;
  end: number;
  values: V[];
}

const EMPTY = -1;

export class Trie<V> {
  /**
   * The edges of every node in one open-addressing hash table of typed arrays, (parent, char code) → child,
   * with node 0 the root: no object per node. The tries hold over 100,000 nodes (places alone are 44,000
   * names), and with a Map per node every full garbage collection had to mark them all, in every thread.
   */
  private edgeParent = new Int32Array(1 << 12).fill(EMPTY);
  private edgeCode = new Uint16Array(1 << 12);
  private edgeChild = new Int32Array(1 << 12);
  private edges = 0;
  /** The values of each node (by node number), where a word ends. */
  private readonly valuesOf: (V[] | undefined)[] = [undefined];
  /** 1 for every char code an entry starts with: most positions are rejected with one array read. */
  private readonly first = new Uint8Array(65536);
  /** 1 for every char code that is an entry by itself. */
  private readonly single = new Uint8Array(65536);
  /** 1 for (a hash of) every pair of char codes an entry starts with: a second rejection, without a lookup. */
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
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = this.child(node, c);
      if (child === EMPTY) child = this.addEdge(node, c);
      node = child;
    }
    let values = this.valuesOf[node];
    if (!values) {
      this.valuesOf[node] = values = [];
      this.size++;
    }
    values.push(value);
  }

  get(word: string): V[] | undefined {
    let node = 0;
    for (let i = 0; i < word.length && node !== EMPTY; i++) node = this.child(node, word.charCodeAt(i));
    return node === EMPTY ? undefined : this.valuesOf[node];
  }

  /** The child of `node` by char code `c`, or EMPTY. */
  private child(node: number, c: number): number {
    const mask = this.edgeParent.length - 1;
    for (let h = edgeSlot(node, c) & mask; ; h = (h + 1) & mask) {
      const p = this.edgeParent[h];
      if (p === EMPTY) return EMPTY;
      if (p === node && this.edgeCode[h] === c) return this.edgeChild[h];
    }
  }

  private addEdge(node: number, c: number): number {
    if ((this.edges + 1) * 2 > this.edgeParent.length) this.grow();
    const child = this.valuesOf.length;
    this.valuesOf.push(undefined);
    this.place(node, c, child);
    this.edges++;
    return child;
  }

  private place(node: number, c: number, child: number): void {
    const mask = this.edgeParent.length - 1;
    let h = edgeSlot(node, c) & mask;
    while (this.edgeParent[h] !== EMPTY) h = (h + 1) & mask;
    this.edgeParent[h] = node;
    this.edgeCode[h] = c;
    this.edgeChild[h] = child;
  }

  /** Double the table (kept at most half full, so a lookup probes few slots). */
  private grow(): void {
    const [parents, codes, children] = [this.edgeParent, this.edgeCode, this.edgeChild];
    this.edgeParent = new Int32Array(parents.length * 2).fill(EMPTY);
    this.edgeCode = new Uint16Array(parents.length * 2);
    this.edgeChild = new Int32Array(parents.length * 2);
    for (let h = 0; h < parents.length; h++) if (parents[h] !== EMPTY) this.place(parents[h], codes[h], children[h]);
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
    let node = this.child(0, text.charCodeAt(pos));
    let end = -1;
    let values: V[] | undefined;
    for (let i = pos + 1; node !== EMPTY && i <= limit; i++) {
      const here = this.valuesOf[node];
      if (here) (end = i), (values = here);
      if (i === limit) break;
      node = this.child(node, text.charCodeAt(i));
    }
    return values ? { start: pos, end, values } : undefined;
  }

  /** Every entry that starts at `pos`, shortest first. */
  allAt(text: string, pos: number, limit = text.length): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    if (!this.mayStartAt(text, pos, limit)) return out;
    let node = this.child(0, text.charCodeAt(pos));
    for (let i = pos + 1; node !== EMPTY && i <= limit; i++) {
      const here = this.valuesOf[node];
      if (here) out.push({ start: pos, end: i, values: here });
      if (i === limit) break;
      node = this.child(node, text.charCodeAt(i));
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
    let node = this.child(0, text.charCodeAt(end - 1));
    let start = -1;
    let values: V[] | undefined;
    for (let i = end - 1; node !== EMPTY && i >= floor; i--) {
      const here = this.valuesOf[node];
      if (here) (start = i), (values = here);
      if (i === floor) break;
      node = this.child(node, text.charCodeAt(i - 1));
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
