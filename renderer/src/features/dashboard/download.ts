import type { ExportedFile } from '../../../../shared/domain/report'

/** Save an exported file through the browser's download (the Electron shell turns it into a save dialog). */
export function saveExported(f: ExportedFile): void {
  const bin = atob(f.base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = f.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
