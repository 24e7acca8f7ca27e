import { PDFHexString, PDFString, type PDFContext, type PDFRef } from 'pdf-lib'
import { charWidthEm, codePointsOf, FONT_POSTSCRIPT_NAME, metricsFont, subsetForCodePoints, subsetTag } from './fonts'
import { glyphIds } from './sfnt-cmap'

/** A font embedded in a PDF: its object, and how to write text in it (glyph ids as a hex string). */
export interface EmbeddedFont {
  ref: PDFRef
  encode(text: string): PDFHexString
}

interface DescriptorMetrics {
  bbox: number[]
  ascent: number
  descent: number
  capHeight: number
  xHeight: number
  italicAngle: number
}

let metrics: DescriptorMetrics | undefined

/** The full font's vertical metrics in PDF glyph units (1/1000 em); the same for every subset. */
function descriptorMetrics(): DescriptorMetrics {
  if (!metrics) {
    const f = metricsFont()
    const s = 1000 / f.unitsPerEm
    metrics = {
      bbox: [f.bbox.minX * s, f.bbox.minY * s, f.bbox.maxX * s, f.bbox.maxY * s].map(Math.round),
      ascent: Math.round(f.ascent * s), descent: Math.round(f.descent * s),
      capHeight: Math.round((f.capHeight || f.ascent) * s), xHeight: Math.round((f.xHeight || 0) * s), italicAngle: f.italicAngle,
    }
  }
  return metrics
}

/** `/W` array: runs of consecutive glyph ids with their widths, `[g [w w …] g' [w …]]`. */
function widthsArray(byGlyph: Map<number, number>): (number | number[])[] {
  const out: (number | number[])[] = []
  let run: number[] = []
  let prev = -2
  for (const gid of [...byGlyph.keys()].sort((a, b) => a - b)) {
    if (gid !== prev + 1) {
      run = []
      out.push(gid, run)
    }
    run.push(byGlyph.get(gid)!)
    prev = gid
  }
  return out
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

/** UTF-16 of a code point, as the hex a ToUnicode CMap wants. */
function utf16Hex(cp: number): string {
  if (cp <= 0xffff) return hex4(cp)
  const v = cp - 0x10000
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff))
}

/** The ToUnicode CMap that makes the text extractable (at most 100 entries per bfchar block, as the spec asks). */
function toUnicodeCMap(unicodeOf: Map<number, number>): string {
  const entries = [...unicodeOf].sort((a, b) => a[0] - b[0]).map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`)
  let blocks = ''
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100)
    blocks += `${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar\n`
  }
  return '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
    + '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n'
    + blocks + 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
}

/**
 * Embeds a subset of Noto Serif SC holding exactly the characters of `text` as a Type 0 / CIDFontType2 font
 * (Identity-H, glyph ids as character codes) with widths and a ToUnicode map. Written directly rather than
 * through pdf-lib's embedFont, whose encodeText runs fontkit's shaping engine on every string (a third of a
 * one-page letter's time); we place one glyph per character ourselves, so a cmap lookup is all it takes.
 */
export function embedSubsetFont(context: PDFContext, text: string): EmbeddedFont {
  const codePoints = codePointsOf(text)
  const subset = subsetForCodePoints(codePoints)
  const gidOf = glyphIds(subset, codePoints)
  const widthOf = new Map<number, number>()
  const unicodeOf = new Map<number, number>()
  const codeOf = new Map<number, string>()
  for (const cp of codePoints) {
    const gid = gidOf.get(cp) ?? 0
    codeOf.set(cp, hex4(gid))
    if (!gid || widthOf.has(gid)) continue
    widthOf.set(gid, Math.round(charWidthEm(cp) * 1000))
    unicodeOf.set(gid, cp)
  }
  const name = `${subsetTag(text)}+${FONT_POSTSCRIPT_NAME}`
  const m = descriptorMetrics()
  const fontFile = context.register(context.flateStream(subset, { Length1: subset.length }))
  const descriptor = context.register(context.obj({
    Type: 'FontDescriptor', FontName: name, Flags: 4, FontBBox: m.bbox, ItalicAngle: m.italicAngle,
    Ascent: m.ascent, Descent: m.descent, CapHeight: m.capHeight, XHeight: m.xHeight, StemV: 0, FontFile2: fontFile,
  }))
  const cidFont = context.register(context.obj({
    Type: 'Font', Subtype: 'CIDFontType2', CIDToGIDMap: 'Identity', BaseFont: name,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor, W: widthsArray(widthOf),
  }))
  const toUnicode = context.register(context.flateStream(toUnicodeCMap(unicodeOf)))
  const ref = context.register(context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }))
  return {
    ref,
    encode(s: string): PDFHexString {
      let hex = ''
      for (const c of s) hex += codeOf.get(c.codePointAt(0)!) ?? '0000'
      return PDFHexString.of(hex)
    },
  }
}
