import fontkit from '@pdf-lib/fontkit'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resourcesDir } from '../resources'
import { WarmSubsetter } from './harfbuzz-subset'

/**
 * The PDF font: Noto Serif SC Regular (TrueType, OFL) from resources/fonts. Each PDF embeds a subset of
 * just the characters it uses, cut by subset-font's HarfBuzz (see harfbuzz-subset.ts) — pdf-lib's own
 * subsetter drops glyphs of this font silently (TOOLCHAIN.md §3).
 *
 * Speed: the font is loaded into HarfBuzz once per process (~0.1 s) and each document's subset is cut
 * from that warm face (~1 ms). A subset depends only on the set of characters, never on what came before,
 * so regenerating a document gives the same bytes.
 */
export const FONT_FILE = 'NotoSerifSC-Regular.ttf'
export const FONT_POSTSCRIPT_NAME = 'NotoSerifSC-Regular'

let fullBytes: Buffer | undefined
let metrics: fontkit.Font | undefined
let subsetter: WarmSubsetter | undefined
const widthCache = new Map<number, number>()

/** The full font file, read once per process. */
export function fontBytes(): Buffer {
  fullBytes ??= readFileSync(join(resourcesDir(), 'fonts', FONT_FILE))
  return fullBytes
}

/** The full font parsed by fontkit, for metrics (advance widths, ascent, bounding box). */
export function metricsFont(): fontkit.Font {
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

/** Warms the caches (font file, width table, HarfBuzz face), e.g. when a worker thread starts. */
export async function preloadFont(): Promise<void> {
  charWidthEm(0x4e2d)
  subsetter ??= new WarmSubsetter(fontBytes())
}

/** The distinct code points of `text`, ascending. */
export function codePointsOf(text: string): number[] {
  const set = new Set<number>()
  for (const c of text) set.add(c.codePointAt(0)!)
  return [...set].sort((a, b) => a - b)
}

/** A TrueType subset holding the glyphs of these code points. */
export function subsetForCodePoints(codePoints: readonly number[]): Uint8Array {
  subsetter ??= new WarmSubsetter(fontBytes())
  return subsetter.subset(codePoints)
}

/** A TrueType subset holding exactly the characters of `text` (duplicates don't matter). */
export async function subsetForText(text: string): Promise<Uint8Array> {
  return subsetForCodePoints(codePointsOf(text))
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
