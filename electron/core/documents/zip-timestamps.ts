/**
 * Sets the modification time of every entry in a ZIP archive, in place. The `docx` package zips with the
 * current clock, so without this two DOCX files made from the same input would differ in a few header bytes.
 * Only the DOS time/date fields of the central directory and the local headers change; CRCs and data stay.
 */
export function setZipTimestamps(zip: Uint8Array, date: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const year = Number(date.slice(0, 4)), month = Number(date.slice(5, 7)), day = Number(date.slice(8, 10))
  const dosDate = ((year - 1980) << 9) | (month << 5) | day
  const dosTime = 0
  // End of central directory record: signature 0x06054b50, at least 22 bytes from the end (no comment from fflate).
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end-of-central-directory record')
  const count = view.getUint16(eocd + 10, true)
  let p = view.getUint32(eocd + 16, true)
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('corrupt zip central directory')
    view.setUint16(p + 12, dosTime, true)
    view.setUint16(p + 14, dosDate, true)
    const local = view.getUint32(p + 42, true)
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('corrupt zip local header')
    view.setUint16(local + 10, dosTime, true)
    view.setUint16(local + 12, dosDate, true)
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
  }
  return zip
}
