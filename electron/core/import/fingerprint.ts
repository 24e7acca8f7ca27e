/**
 * A 64-bit fingerprint of a string: two 32-bit FNV-1a-style hashes with different multipliers. Not
 * cryptographic and need not be: it only tells whether one loan's row changed between two imports (or two
 * rows of one file with the same contract number differ), where an accidental collision has odds of about
 * 2^-64, and it is several times cheaper per row than creating a crypto hash.
 */
export function fingerprint(s: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0).toString(36) + ':' + (b >>> 0).toString(36)
}
