// Node decodes GBK and Big5 but cannot encode them: build an encoder from the decoder's own table, so the
// tests can write made-up text in the encodings real pages and Excel files use.
export function encoderFor(encoding: string): (s: string) => Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (s) =>
    Buffer.from(
      [...s].flatMap((c) => {
        if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
        const bytes = table.get(c);
        if (!bytes) throw new Error(`${c} has no ${encoding} bytes`);
        return bytes;
      }),
    );
}
