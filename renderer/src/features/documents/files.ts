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

type ShellError = { message: string; messageEn: string }

/**
 * Print the previewed PDF: in Electron the shell prints the PDF file itself (not the window); in a browser
 * the PDF viewer inside the preview frame, else the browser's print of the page.
 */
export async function printPreview(documentId: string, frame: HTMLIFrameElement | null): Promise<void> {
  if (window.api?.printDocument) {
    const r = await window.api.printDocument(documentId)
    if (!r.ok) throw r.error as ShellError
    return
  }
  try {
    frame?.contentWindow?.focus()
    frame?.contentWindow?.print()
  } catch {
    window.print()
  }
}

/**
 * Open a stored document outside the app: Electron hands the file to the system viewer (shell.openPath);
 * a browser shows a PDF in a new tab and downloads a DOCX. `fetchBase64` loads the bytes (browser only).
 */
export async function openDocument(doc: { id: string; fileName: string; format: 'pdf' | 'docx' }, fetchBase64: () => Promise<string>): Promise<void> {
  if (window.api?.openDocument) {
    const r = await window.api.openDocument(doc.id)
    if (!r.ok) throw r.error as ShellError
    return
  }
  const url = blobUrl(await fetchBase64(), doc.format)
  if (doc.format === 'pdf') window.open(url, '_blank', 'noopener')
  else saveAs(url, doc.fileName)
}

export const typeLabel = (type: DocumentTypeCode, lang: string) => (lang === 'en' ? DOCUMENT_TYPE_LABELS[type].en : DOCUMENT_TYPE_LABELS[type].zh)
