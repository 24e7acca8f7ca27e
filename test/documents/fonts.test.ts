import fontkit from '@pdf-lib/fontkit'
import subsetFont from 'subset-font'
import { describe, expect, it } from 'vitest'
import { codePointsOf, fontBytes, subsetForText } from '../../electron/core/documents/render-pdf/fonts'
import { glyphIds } from '../../electron/core/documents/render-pdf/sfnt-cmap'

/**
 * The PDF font subsets: cut by a warm HarfBuzz face instead of a fresh subset-font call per document, so
 * they must be the very bytes subset-font makes; and the glyph ids we write must be the subset's own.
 */
const TEXT = '催收函 张伟：截至2024年7月1日，您尚欠人民币9,492.66元（大写：玖仟肆佰玖拾贰元陆角陆分）。喆堃🄁 ABC-xyz《》「」'

describe('PDF font subsets', () => {
  it('are byte-identical to what subset-font makes with the same options', async () => {
    const ours = await subsetForText(TEXT)
    const reference = await subsetFont(fontBytes(), [...new Set(TEXT)].join(''), { targetFormat: 'truetype', keepFeatures: [], noLayoutClosure: true, noHinting: true })
    expect(ours.length).toBeGreaterThan(1000)
    expect(Buffer.compare(Buffer.from(ours), reference)).toBe(0)
  }, 30_000)

  it('depend only on the characters: another order or repeats give the same bytes', async () => {
    const a = await subsetForText(TEXT)
    const b = await subsetForText([...TEXT].reverse().join('') + TEXT)
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0)
  })

  it('map every character to the glyph fontkit finds in the subset (BMP and beyond)', async () => {
    const subset = await subsetForText(TEXT)
    const cps = codePointsOf(TEXT)
    const ids = glyphIds(subset, cps)
    const font = fontkit.create(Buffer.from(subset))
    for (const cp of cps) expect(ids.get(cp) ?? 0, String.fromCodePoint(cp)).toBe(font.glyphForCodePoint(cp).id)
    expect(ids.get(0x1f101)).toBeGreaterThan(0) // beyond the BMP: read from the format 12 subtable
    expect(new Set(ids.values()).size).toBe(cps.length) // one glyph of its own for every character
  })
})
