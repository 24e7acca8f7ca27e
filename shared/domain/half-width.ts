/**
 * Chinese input methods in full-width mode and spreadsheets from Chinese systems write ASCII as its full-width
 * variants (１２３，．％) and spaces as ideographic or no-break spaces. Used by the import's normalisers and the
 * calculator's form.
 */
const WIDE = /[\uff01-\uff5e\u3000\u00a0]/

/** Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, and the ideographic and no-break spaces to a plain space. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s // the common case: nothing to convert, no new string
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000 || c === 0x00a0) out += ' '
    else out += s[i]
  }
  return out
}
