import { call } from '../../api'

/** 3 MB of file bytes per call: 4 MB of base64, under the contract's chunk limit. */
const CHUNK = 3 * 1024 * 1024

function toBase64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/**
 * Upload a chosen file to the core in slices, so a 200 MB export never sits whole in the renderer's memory
 * or in one message; the core stages it in the data directory and returns its uploadId.
 */
export async function uploadFile(file: File, onProgress: (done: number, total: number) => void): Promise<string> {
  let uploadId: string | undefined
  for (let at = 0; at < file.size || uploadId === undefined; at += CHUNK) {
    const bytes = new Uint8Array(await file.slice(at, at + CHUNK).arrayBuffer())
    uploadId = (await call('import.upload', { uploadId, name: file.name, chunkBase64: toBase64(bytes) })).uploadId
    onProgress(Math.min(file.size, at + CHUNK), file.size)
  }
  return uploadId
}

/** Save base64 bytes through the browser's download (Electron shows its save dialog). */
export function download(base64: string, fileName: string, mime: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
