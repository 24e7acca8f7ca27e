import type { DocumentTypeCode } from '../../../../shared/domain/documents'
import { DOCUMENT_TYPE_LABELS } from '../../../../shared/domain/documents'

/** A document's bytes as a blob: URL (the CSP allows blob: frames) for the in-app preview. */
export function blobUrl(base64: string, format: 'pdf' | 'docx'): string {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  return URL.createObjectURL(new Blob([bytes], { type }))
}

/** Save through the browser's download (Electron shows its save dialog for it). */
export function saveAs(url: string, fileName: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
}

/**
 * Print the previewed PDF: Electron's own print when the shell offers it, else the PDF viewer inside the
 * preview frame, else the browser's print of the page.
 */
export async function printPreview(frame: HTMLIFrameElement | null): Promise<void> {
  if (window.api?.print) {
    await window.api.print()
    return
  }
  try {
    frame?.contentWindow?.focus()
    frame?.contentWindow?.print()
  } catch {
    window.print()
  }
}

export const typeLabel = (type: DocumentTypeCode, lang: string) => (lang === 'en' ? DOCUMENT_TYPE_LABELS[type].en : DOCUMENT_TYPE_LABELS[type].zh)
