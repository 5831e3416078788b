// Shell text cut out of a Dockerfile, remembering where each character came from, so that every
// position the shell parser or ShellCheck reports can be put back on the Dockerfile's own text.

export interface MappedText {
  text: string;
  /** offsets[i] is the document offset of text[i]. */
  offsets: number[];
}

/** Document offset of the character at `i` (a start position). */
export function docStart(m: MappedText, i: number): number {
  if (m.offsets.length === 0) return 0;
  if (i <= 0) return m.offsets[0];
  if (i >= m.offsets.length) return m.offsets[m.offsets.length - 1] + 1;
  return m.offsets[i];
}

/** Document offset just past the character before `i` (an exclusive end position). */
export function docEnd(m: MappedText, i: number): number {
  if (m.offsets.length === 0) return 0;
  if (i <= 0) return m.offsets[0];
  return m.offsets[Math.min(i, m.offsets.length) - 1] + 1;
}

/** The part [from, to) of a mapped text, still mapped to the document. */
export function slice(m: MappedText, from: number, to: number): MappedText {
  return { text: m.text.slice(from, to), offsets: m.offsets.slice(from, to) };
}

/** `text` found at document offset `start`, character for character. */
export function verbatim(text: string, start: number): MappedText {
  const offsets = new Array<number>(text.length);
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i;
  return { text, offsets };
}

/**
 * mvdan-sh reports UTF-8 byte offsets; JavaScript strings count UTF-16 units. Returns a converter
 * from byte offset to string index (the identity for ASCII text, which is nearly every Dockerfile).
 */
export function byteToIndex(text: string): (byte: number) => number {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return (b) => b;
  const starts: number[] = []; // starts[b] = index of the char holding byte b
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) starts.push(i);
    if (c > 0xffff) i++;
  }
  return (b) => (b >= starts.length ? text.length : starts[b]);
}
