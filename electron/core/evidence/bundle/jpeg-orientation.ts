/**
 * A phone photo is often stored sideways with an EXIF Orientation tag (0x0112) saying how to turn it; viewers
 * honour the tag, so the bundle must too or the 身份证 photo lies on its side. This reads the tag from the
 * JPEG's APP1 "Exif" segment (TIFF header, IFD0) and gives the matrix that draws the stored image upright.
 */

/** The EXIF orientation (1–8) of a JPEG; 1 when absent or unreadable. */
export function jpegOrientation(b: Uint8Array): number {
  let i = 2
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]
    const len = (b[i + 2] << 8) | b[i + 3]
    if (marker === 0xda || marker === 0xd9) break // image data: no more metadata segments
    if (marker === 0xe1 && len >= 8 && String.fromCharCode(...b.subarray(i + 4, i + 10)) === 'Exif\0\0') return tiffOrientation(b.subarray(i + 10, i + 2 + len))
    i += 2 + len
  }
  return 1
}

function tiffOrientation(t: Uint8Array): number {
  if (t.length < 8) return 1
  const little = t[0] === 0x49 && t[1] === 0x49
  if (!little && !(t[0] === 0x4d && t[1] === 0x4d)) return 1
  const view = new DataView(t.buffer, t.byteOffset, t.byteLength)
  const u16 = (o: number) => view.getUint16(o, little)
  const ifd = view.getUint32(4, little)
  if (ifd + 2 > t.length) return 1
  const count = u16(ifd)
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12
    if (e + 12 > t.length) return 1
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8)
      return v >= 1 && v <= 8 ? v : 1
    }
  }
  return 1
}

/** Orientations 5–8 turn the image a quarter: its upright width is its stored height. */
export const swapsSides = (orientation: number) => orientation >= 5

/**
 * The `cm` matrix that maps the image's unit square onto the box (x, y, w, h) — the box being the upright
 * image's place on the page — turned and mirrored as the orientation says.
 */
export function orientedMatrix(orientation: number, x: number, y: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2: return [-w, 0, 0, h, x + w, y] // mirrored left–right
    case 3: return [-w, 0, 0, -h, x + w, y + h] // upside down
    case 4: return [w, 0, 0, -h, x, y + h] // mirrored top–bottom
    case 5: return [0, -h, -w, 0, x + w, y + h] // transposed
    case 6: return [0, -h, w, 0, x, y + h] // stored turned a quarter left: turn it right
    case 7: return [0, h, w, 0, x, y] // transversed
    case 8: return [0, h, -w, 0, x + w, y] // stored turned a quarter right: turn it left
    default: return [w, 0, 0, h, x, y]
  }
}
