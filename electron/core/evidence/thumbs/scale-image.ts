import { Resvg } from '@resvg/resvg-js'
import { jpegOrientation, swapsSides } from '../bundle/jpeg-orientation'
import { jpegSize, pngSize } from '../file-check'

/**
 * A large photo or scan (over THUMB_INLINE_IMAGE_BYTES) scaled down to a small PNG in the core, so the page
 * never receives tens of megabytes for a 40 px picture. resvg (already in the app for charts) decodes the
 * JPEG or PNG natively and resamples it: the image is handed to it as a resolved <image> (no base64 copy of tens of megabytes),
 * placed upright as its EXIF orientation says — the bundle and the browser honour that tag, so must this.
 * Returns null when the image cannot be decoded.
 */

/**
 * resvg hands only http(s) hrefs back for resolving (a bare name is read as a file and silently dropped); the
 * reserved .invalid domain says this one is never fetched — resvg itself fetches nothing.
 */
const EXHIBIT_HREF = 'https://casedesk.invalid/exhibit'

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

export function scaledImagePng(bytes: Uint8Array, mime: string, maxPx: number): Uint8Array | null {
  const jpeg = mime === 'image/jpeg'
  const size = jpeg ? jpegSize(bytes) : pngSize(bytes)
  if (!size) return null
  const orientation = jpeg ? jpegOrientation(bytes) : 1
  const [W, H] = swapsSides(orientation) ? [size.height, size.width] : [size.width, size.height]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`
    + `<image href="${EXHIBIT_HREF}" width="${size.width}" height="${size.height}" transform="${orientationTransform(orientation, size.width, size.height)}"/></svg>`
  try {
    const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: W >= H ? { mode: 'width', value: Math.min(maxPx, W) } : { mode: 'height', value: Math.min(maxPx, H) } })
    for (const href of resvg.imagesToResolve()) resvg.resolveImage(href, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    const rendered = resvg.render()
    // resvg draws an image it cannot decode as nothing: a fully transparent picture means the file is broken.
    if (!rendered.pixels.some((v, i) => i % 4 === 3 && v !== 0)) return null
    const png = rendered.asPng()
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
  } catch {
    return null
  }
}
