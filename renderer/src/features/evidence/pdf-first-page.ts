import { getDocument, GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

/**
 * Draws page 1 of a (one-page) PDF with pdf.js. Imported dynamically by Thumbnail, so pdf.js and its worker
 * load only when a PDF or DOCX thumbnail is first shown, never with the other pages. One pdf.js worker serves
 * every thumbnail, and pages are drawn one at a time, so a list of 50 exhibits does not start 50 workers.
 * isEvalSupported is off: the window's CSP forbids eval, and pdf.js draws glyphs as paths without it.
 */
GlobalWorkerOptions.workerSrc = workerUrl

let worker: PDFWorker | null = null
let queue: Promise<unknown> = Promise.resolve()

async function draw(bytes: Uint8Array, maxPx: number): Promise<Blob> {
  worker ??= new PDFWorker()
  const doc = await getDocument({ data: bytes, worker, isEvalSupported: false, verbosity: 0 }).promise
  try {
    const page = await doc.getPage(1)
    const base = page.getViewport({ scale: 1 })
    const viewport = page.getViewport({ scale: maxPx / Math.max(base.width, base.height) })
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(viewport.width))
    canvas.height = Math.max(1, Math.round(viewport.height))
    const ctx = canvas.getContext('2d')!
    ctx.fillStyle = '#fff' // a page is paper: transparent areas would show the list's background
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    await page.render({ canvasContext: ctx, viewport }).promise
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'))
  } finally {
    await doc.destroy()
  }
}

/** The first page as a PNG at most `maxPx` on its longer side; rejects when pdf.js cannot draw it. */
export function renderFirstPage(bytes: Uint8Array, maxPx: number): Promise<Blob> {
  const turn = queue.then(() => draw(bytes, maxPx))
  queue = turn.catch(() => undefined)
  return turn
}
