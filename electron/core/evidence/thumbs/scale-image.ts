import { renderAsync } from '@resvg/resvg-js'
import { jpegOrientation, swapsSides } from '../bundle/jpeg-orientation'
import { jpegSize, pngSize } from '../file-check'

/**
 * A large photo or scan (over THUMB_INLINE_IMAGE_BYTES) scaled down to a small PNG in the core, so the page
 * never receives tens of megabytes for a 40 px picture. resvg (already in the app for charts) decodes the
 * JPEG or PNG natively and resamples it, in libuv's thread pool (renderAsync): decoding a 12-megapixel photo
 * takes most of a second that the thread answering every other call should not spend. The picture is placed
 * upright as its EXIF orientation says — the bundle and the browser honour that tag, so must this.
 * Returns null when the image cannot be decoded.
 */

/** Maps the stored image (w × h, y down) onto its upright place: the SVG transform of each EXIF orientation. */
function orientationTransform(o: number, w: number, h: number): string {
  switch (o) {
    case 2: return `matrix(-1 0 0 1 ${w} 0)` // mirrored left–right
    case 3: return `matrix(-1 0 0 -1 ${w} ${h})` // upside down
    case 4: return `matrix(1 0 0 -1 0 ${h})` // mirrored top–bottom
    case 5: return 'matrix(0 1 1 0 0 0)' // transposed
    case 6: return `matrix(0 1 -1 0 ${h} 0)` // stored turned a quarter left: turn it right
    case 7: return `matrix(0 -1 -1 0 ${h} ${w})` // transversed
    case 8: return `matrix(0 -1 1 0 0 ${w})` // stored turned a quarter right: turn it left
    default: return 'matrix(1 0 0 1 0 0)'
  }
}

export async function scaledImagePng(bytes: Uint8Array, mime: string, maxPx: number): Promise<Uint8Array | null> {
  const jpeg = mime === 'image/jpeg'
  const size = jpeg ? jpegSize(bytes) : pngSize(bytes)
  if (!size) return null
  const orientation = jpeg ? jpegOrientation(bytes) : 1
  const [W, H] = swapsSides(orientation) ? [size.height, size.width] : [size.width, size.height]
  // renderAsync takes no resolved images, so the picture goes in as a data: URL, built as bytes (no second string copy).
  const svg = Buffer.concat([
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><image width="${size.width}" height="${size.height}" transform="${orientationTransform(orientation, size.width, size.height)}" href="data:${mime};base64,`),
    Buffer.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), 'latin1'),
    Buffer.from('"/></svg>'),
  ])
  try {
    const rendered = await renderAsync(svg, { font: { loadSystemFonts: false }, fitTo: W >= H ? { mode: 'width', value: Math.min(maxPx, W) } : { mode: 'height', value: Math.min(maxPx, H) } })
    // resvg draws an image it cannot decode as nothing: a fully transparent picture means the file is broken.
    if (!rendered.pixels.some((v, i) => i % 4 === 3 && v !== 0)) return null
    const png = rendered.asPng()
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
  } catch {
    return null
  }
}
