/**
 * Reads the character map of a TrueType font (the subsets HarfBuzz cuts): code point → glyph id, for the
 * code points asked. HarfBuzz renumbers glyphs when it subsets, so the PDF's glyph codes come from here.
 * Handles the two subtable formats HarfBuzz writes: 12 (full Unicode) when present, else 4 (BMP).
 */
export function glyphIds(font: Uint8Array, codePoints: readonly number[]): Map<number, number> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const numTables = v.getUint16(4)
  let cmap = -1
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i
    if (v.getUint32(rec) === 0x636d6170) cmap = v.getUint32(rec + 8) // 'cmap'
  }
  if (cmap < 0) throw new Error('font has no cmap table')
  let f4 = -1
  let f12 = -1
  for (let i = 0, n = v.getUint16(cmap + 2); i < n; i++) {
    const platform = v.getUint16(cmap + 4 + 8 * i)
    const sub = cmap + v.getUint32(cmap + 8 + 8 * i)
    const format = v.getUint16(sub)
    if (platform !== 0 && platform !== 3) continue
    if (format === 12) f12 = sub
    else if (format === 4) f4 = sub
  }
  const out = new Map<number, number>()
  if (f12 >= 0) {
    const groups = v.getUint32(f12 + 12)
    for (const cp of codePoints) {
      let lo = 0
      let hi = groups - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const g = f12 + 16 + 12 * mid
        if (cp < v.getUint32(g)) hi = mid - 1
        else if (cp > v.getUint32(g + 4)) lo = mid + 1
        else { out.set(cp, v.getUint32(g + 8) + cp - v.getUint32(g)); break }
      }
    }
    return out
  }
  if (f4 < 0) throw new Error('font has no Unicode cmap subtable')
  const segs = v.getUint16(f4 + 6) / 2
  const ends = f4 + 14
  const starts = ends + 2 * segs + 2
  const deltas = starts + 2 * segs
  const ranges = deltas + 2 * segs
  for (const cp of codePoints) {
    if (cp > 0xffff) continue
    for (let s = 0; s < segs; s++) {
      if (cp > v.getUint16(ends + 2 * s)) continue
      const start = v.getUint16(starts + 2 * s)
      if (cp < start) break
      const rangeOffset = v.getUint16(ranges + 2 * s)
      let gid: number
      if (rangeOffset === 0) gid = (cp + v.getInt16(deltas + 2 * s)) & 0xffff
      else {
        const g = v.getUint16(ranges + 2 * s + rangeOffset + 2 * (cp - start))
        gid = g === 0 ? 0 : (g + v.getInt16(deltas + 2 * s)) & 0xffff
      }
      if (gid) out.set(cp, gid)
      break
    }
  }
  return out
}
