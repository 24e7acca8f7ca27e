/** Browser-side file helpers for the evidence area: base64 from the core → bytes or a blob: URL. */

/** Bytes sent as base64 by the core. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

/** Stored bytes (base64) as a blob: URL of the given type, to open in a tab or save. */
export function base64Url(base64: string, mime: string): string {
  return URL.createObjectURL(new Blob([base64Bytes(base64)], { type: mime }))
}

/** A file-kind icon for the list, while a thumbnail loads or when a file cannot be drawn. */
export function kindIcon(mime: string): string {
  if (mime === 'application/pdf') return '📄'
  if (mime.startsWith('image/')) return '🖼️'
  return '📝'
}
