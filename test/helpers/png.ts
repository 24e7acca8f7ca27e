import { inflateSync } from 'node:zlib'

/** A decoded picture: RGBA, 8 bits a channel, row after row. */
export interface Pixels {
  width: number
  height: number
  rgba: Uint8Array
}

/**
 * Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what resvg writes) so a test can look at what was drawn:
 * the chunks' IDAT data inflated, each row unfiltered (PNG spec §9: None, Sub, Up, Average, Paeth).
 */
export function decodePng(png: Buffer): Pixels {
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  const [depth, colorType, , , interlace] = png.subarray(24, 29)
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`)
  const bpp = colorType === 6 ? 4 : 3
  const idat: Buffer[] = []
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at)
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const data = inflateSync(Buffer.concat(idat))
  const stride = width * bpp
  const rows = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]
    const src = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const row = rows.subarray(y * stride, (y + 1) * stride)
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride)
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp] : 0
      const b = prev[i]
      const c = i >= bpp ? prev[i - bpp] : 0
      const p = a + b - c
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter} in row ${y}`)
      row[i] = (src[i] + predictor) & 0xff
    }
  }
  if (bpp === 4) return { width, height, rgba: rows }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) rgba.set([rows[i], rows[i + 1], rows[i + 2], 255], j)
  return { width, height, rgba }
}

/** How many pixels in rows [top, bottom) match `test` (r, g, b, a). */
export function countPixels(p: Pixels, test: (r: number, g: number, b: number, a: number) => boolean, top = 0, bottom = p.height): number {
  let n = 0
  for (let i = top * p.width * 4; i < bottom * p.width * 4; i += 4) if (test(p.rgba[i], p.rgba[i + 1], p.rgba[i + 2], p.rgba[i + 3])) n++
  return n
}
