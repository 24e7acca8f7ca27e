/** Browser-side file helpers for the evidence area: File → base64 for the contract, base64 → blob: URL. */

/** A chosen or dropped file's bytes as base64 (what evidence.add takes). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let bin = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(bin)
}

/** Stored bytes (base64) as a blob: URL of the given type, to open in a tab or save. */
export function base64Url(base64: string, mime: string): string {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return URL.createObjectURL(new Blob([bytes], { type: mime }))
}

/** A file-kind icon for the list, where there is no thumbnail (PDF, DOCX, a very large image). */
export function kindIcon(mime: string): string {
  if (mime === 'application/pdf') return '📄'
  if (mime.startsWith('image/')) return '🖼️'
  return '📝'
}
