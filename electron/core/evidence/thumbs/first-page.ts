import { PDFDocument, PDFName } from 'pdf-lib'
import { isEncryptedPdfError } from '../file-check'

/**
 * A PDF holding only the first page of `bytes`: what the evidence list draws as a thumbnail, so a 50 MB scan
 * never travels to the page whole. Links are dropped from the copied page first — a bundle's index links
 * point at other pages, and copying a link would copy the pages it names.
 * Throws 'encrypted' or 'corrupt' (with pdf-lib's reason) for the caller to word.
 */
export class FirstPageError extends Error {
  constructor(readonly reason: 'encrypted' | 'corrupt', detail: string) {
    super(detail)
  }
}

export async function firstPagePdf(bytes: Uint8Array): Promise<Uint8Array> {
  let src: PDFDocument
  try {
    src = await PDFDocument.load(bytes, { updateMetadata: false })
  } catch (e) {
    throw new FirstPageError(isEncryptedPdfError(e) ? 'encrypted' : 'corrupt', (e as Error).message.slice(0, 120))
  }
  if (src.getPageCount() === 0) throw new FirstPageError('corrupt', 'no pages')
  src.getPage(0).node.delete(PDFName.of('Annots'))
  const out = await PDFDocument.create({ updateMetadata: false })
  const [page] = await out.copyPages(src, [0])
  out.addPage(page)
  return out.save()
}
