import fontkit from '@pdf-lib/fontkit'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import subsetFont from 'subset-font'
import { resourcesDir } from '../resources'

/**
 * The PDF font: Noto Serif SC Regular (TrueType, OFL) from resources/fonts. Each PDF embeds a subset of
 * just the characters it uses, cut with subset-font (HarfBuzz) — pdf-lib's own subsetter drops glyphs of
 * this font silently (TOOLCHAIN.md §3).
 *
 * Speed: cutting from the 14.8 MB font takes ~20 ms, mostly HarfBuzz reading the whole file. So once per
 * process we cut a "common" font holding GB 2312 (6,763 hanzi + symbols) and ASCII, ~3 MB, and cut each
 * document's subset from that (~5 ms). A document with a rarer character (a name like 喆 or 堃) is cut
 * from the full font instead. Both paths give the same glyphs, so the choice never changes what prints.
 */
export const FONT_FILE = 'NotoSerifSC-Regular.ttf'
export const FONT_POSTSCRIPT_NAME = 'NotoSerifSC-Regular'

/** Layout features are dropped: we place glyphs ourselves, one per character, like the width table assumes. */
const SUBSET_OPTIONS = { targetFormat: 'truetype', keepFeatures: [], noLayoutClosure: true, noHinting: true } as const

let fullBytes: Buffer | undefined
let metrics: fontkit.Font | undefined
let common: Promise<{ bytes: Uint8Array; chars: Set<number> }> | undefined
const widthCache = new Map<number, number>()

/** The full font file, read once per process. */
export function fontBytes(): Buffer {
  fullBytes ??= readFileSync(join(resourcesDir(), 'fonts', FONT_FILE))
  return fullBytes
}

function metricsFont(): fontkit.Font {
  metrics ??= fontkit.create(fontBytes())
  return metrics
}

/** Advance width of one character in em units (1 = the font size); cached for the life of the process. */
export function charWidthEm(codePoint: number): number {
  let w = widthCache.get(codePoint)
  if (w === undefined) {
    const f = metricsFont()
    w = f.glyphForCodePoint(codePoint).advanceWidth / f.unitsPerEm
    widthCache.set(codePoint, w)
  }
  return w
}

/** Width of a string in em units. */
export function textWidthEm(text: string): number {
  let w = 0
  for (const c of text) w += charWidthEm(c.codePointAt(0)!)
  return w
}

/** The characters of GB 2312 plus printable ASCII and the full-width forms. */
function commonCharacters(): string {
  const decoder = new TextDecoder('gb18030')
  let s = ''
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]))
      if (c.length === 1 && c !== '\ufffd') s += c
    }
  }
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c)
  for (let c = 0xff01; c <= 0xff5e; c++) s += String.fromCharCode(c)
  return s + '¥×÷‰、。·—…‘’“”〈〉《》「」『』【】〔〕'
}

function commonFont(): Promise<{ bytes: Uint8Array; chars: Set<number> }> {
  common ??= (async () => {
    const text = commonCharacters()
    const bytes = await subsetFont(fontBytes(), text, SUBSET_OPTIONS)
    return { bytes, chars: new Set([...text].map((c) => c.codePointAt(0)!)) }
  })()
  return common
}

/** Warms the caches (font file, width table, common subset), e.g. when a worker thread starts. */
export async function preloadFont(): Promise<void> {
  charWidthEm(0x4e2d)
  await commonFont()
}

/** A TrueType subset holding exactly the characters of `text` (duplicates don't matter). */
export async function subsetForText(text: string): Promise<Uint8Array> {
  const unique = [...new Set(text)].sort().join('')
  const base = await commonFont()
  const coveredByCommon = [...unique].every((c) => base.chars.has(c.codePointAt(0)!))
  return subsetFont(coveredByCommon ? base.bytes : fontBytes(), unique, SUBSET_OPTIONS)
}

/** A six-letter tag for the subset's font name ("ABCDEF+Name", as PDF readers expect), derived from its characters. */
export function subsetTag(text: string): string {
  let h = 2166136261
  for (const c of [...new Set(text)].sort().join('')) {
    h ^= c.codePointAt(0)!
    h = Math.imul(h, 16777619) >>> 0
  }
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26))
    h = Math.floor(h / 26) + i * 7919
  }
  return tag
}
