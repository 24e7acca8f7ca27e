import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, type PDFRef } from 'pdf-lib'

/**
 * A PNG placed in a PDF without decoding it: a PNG's IDAT data is a zlib stream of rows with PNG predictors,
 * which PDF's FlateDecode reads as it is with /DecodeParms << /Predictor 15 … >>. pdf-lib instead decodes
 * every pixel and deflates it again in JavaScript (≈1 s for a phone screenshot). Only opaque, non-interlaced
 * PNGs qualify (grey, RGB, palette without transparency); any other returns null and goes the slow way.
 */
interface PngInfo {
  width: number
  height: number
  bitDepth: number
  colorType: number
  palette?: Uint8Array
  data: Uint8Array
}

function readPng(b: Uint8Array): PngInfo | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let p = 8
  let ihdr: Omit<PngInfo, 'data' | 'palette'> | null = null
  let interlace = 0
  let palette: Uint8Array | undefined
  const idat: Uint8Array[] = []
  while (p + 8 <= b.length) {
    const len = view.getUint32(p)
    const type = String.fromCharCode(b[p + 4], b[p + 5], b[p + 6], b[p + 7])
    const body = b.subarray(p + 8, p + 8 + len)
    if (body.length !== len) return null
    if (type === 'IHDR') {
      ihdr = { width: view.getUint32(p + 8), height: view.getUint32(p + 12), bitDepth: b[p + 16], colorType: b[p + 17] }
      interlace = b[p + 20]
    } else if (type === 'PLTE') palette = body
    else if (type === 'tRNS') return null
    else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    p += 12 + len
  }
  if (!ihdr || interlace !== 0 || idat.length === 0) return null
  if (![0, 2, 3].includes(ihdr.colorType) || (ihdr.colorType === 3 && !palette)) return null
  const size = idat.reduce((s, c) => s + c.length, 0)
  const data = new Uint8Array(size)
  let o = 0
  for (const c of idat) { data.set(c, o); o += c.length }
  return { ...ihdr, palette, data }
}

/** Embeds the PNG as an image XObject; null when it needs pdf-lib's decoding path. */
export function embedPngDirect(doc: PDFDocument, bytes: Uint8Array): { ref: PDFRef; width: number; height: number } | null {
  const png = readPng(bytes)
  if (!png) return null
  const ctx = doc.context
  const colors = png.colorType === 2 ? 3 : 1
  const colorSpace = png.colorType === 0
    ? PDFName.of('DeviceGray')
    : png.colorType === 2
      ? PDFName.of('DeviceRGB')
      : ctx.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), PDFNumber.of(png.palette!.length / 3 - 1), PDFHexString.of(Buffer.from(png.palette!).toString('hex'))])
  const dict = ctx.obj({
    Type: 'XObject', Subtype: 'Image', Width: png.width, Height: png.height, BitsPerComponent: png.bitDepth,
    ColorSpace: colorSpace, Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: png.bitDepth, Columns: png.width },
  }) as PDFDict
  const ref = ctx.register(PDFRawStream.of(dict, png.data))
  return { ref, width: png.width, height: png.height }
}
