// Image references in the order of Intl.Collator('en'), without making one: on a cold extension
// host the collator takes 20–40 ms to create (ICU's collation data), on the first Images rows' path.
// References are ASCII from a small alphabet, and for strings made only of it the collator's order
// is simple: first by character with case ignored (punctuation _ - : . @ /, then digits, then
// letters; a shorter string before a longer one it starts), then, at the first place where only the
// case differs, lower case first. Any other character: the collator decides (made on first need).
// The unit tests check this against the collator itself.

const primaryOrder = '_-:.@/0123456789abcdefghijklmnopqrstuvwxyz';
/** Rank of each ASCII character in primaryOrder (upper case as lower case); -1: not in it. */
const primary = new Int8Array(128).fill(-1);
for (let i = 0; i < primaryOrder.length; i++) {
  primary[primaryOrder.charCodeAt(i)] = i;
  primary[primaryOrder[i].toUpperCase().charCodeAt(0)] = i;
}

let collator: Intl.Collator | undefined;

function inAlphabet(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || primary[c] < 0) return false;
  }
  return true;
}

/** Negative, zero or positive as `new Intl.Collator('en').compare(a, b)`. */
export function compareRefs(a: string, b: string): number {
  if (!inAlphabet(a) || !inAlphabet(b)) return (collator ??= new Intl.Collator('en')).compare(a, b);
  let caseOrder = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const d = primary[x] - primary[y];
    if (d !== 0) return d;
    // Same letter, other case: lower case (the higher code) first, unless a later character decides.
    if (caseOrder === 0) caseOrder = x > y ? -1 : 1;
  }
  return a.length - b.length || caseOrder;
}
