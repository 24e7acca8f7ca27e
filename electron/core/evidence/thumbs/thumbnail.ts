import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { THUMB_INLINE_IMAGE_BYTES, THUMB_MAX_PX, type EvidenceItemView, type EvidenceThumbnail } from '../../../../shared/domain/evidence'
import type { CoreContext } from '../../context'
import { UserError } from '../../errors'
import { writeFileAtomic } from '../../files/content-store'
import { DOCX_MIME } from '../file-check'
import { FirstPageError, firstPagePdf } from './first-page'
import { scaledImagePng } from './scale-image'

/**
 * An exhibit's thumbnail (see EvidenceThumbnail): the first page as a one-page PDF for PDFs and DOCX, which the
 * page draws with pdf.js in its own worker, or a small image. Why the page draws PDFs and not the core: pdf.js
 * in Node decodes a scanned page's JPEG in JavaScript (seconds for an A4 scan, on the thread that answers every
 * other call), while Chromium decodes it natively off the main thread; a one-page PDF is also what a court
 * page looks like, at any size the list wants. Results are cached by the exhibit's SHA-256 under
 * <dataDir>/cache/thumbs, so each file is cut (or converted) once.
 */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

const cacheDir = (ctx: CoreContext) => join(ctx.platform.dataDir, 'cache', 'thumbs')

/** PDFs up to this size are cut on the calling thread (pdf-lib parses ~60 MB/s); larger ones, and DOCX, in a job worker. */
const INLINE_PDF_BYTES = 8 * 1024 * 1024

/**
 * The thumbnail when making it is light work: already cached, an image (decoded in libuv's pool), a small PDF.
 * null when it would hold the thread answering every call: a DOCX to convert (LibreOffice, seconds) or a large
 * PDF to parse — the caller makes those in a job worker (thumbnail-job.ts).
 */
export async function lightThumbnail(ctx: CoreContext, item: EvidenceItemView): Promise<EvidenceThumbnail | null> {
  if (item.mime.startsWith('image/')) return evidenceThumbnail(ctx, item)
  const cached = join(cacheDir(ctx), `${item.sha256}.pdf`)
  if (existsSync(cached)) return { kind: 'pdf', dataBase64: b64(readFileSync(cached)) }
  return item.mime === 'application/pdf' && item.size <= INLINE_PDF_BYTES ? evidenceThumbnail(ctx, item) : null
}

/** Makes (or reads from the cache) an exhibit's thumbnail, whatever the work. */
export async function evidenceThumbnail(ctx: CoreContext, item: EvidenceItemView): Promise<EvidenceThumbnail> {
  const subject = `证据${item.label}“${item.name}”`
  const subjectEn = `Exhibit ${item.label} "${item.name}"`
  const refuse = (code: string, zh: string, en: string) => new UserError(code, `${subject}无法生成缩略图：${zh}`, `No thumbnail for ${subjectEn}: ${en}`, { details: { id: item.id } })

  if (item.mime.startsWith('image/')) {
    const mime = item.mime as 'image/png' | 'image/jpeg'
    if (item.size <= THUMB_INLINE_IMAGE_BYTES) return { kind: 'image', mime, dataBase64: b64(ctx.files.read(item.sha256)) }
    const cached = join(cacheDir(ctx), `${item.sha256}.png`)
    if (!existsSync(cached)) {
      const png = await scaledImagePng(ctx.files.read(item.sha256), mime, THUMB_MAX_PX)
      if (!png) throw refuse('EVIDENCE_IMAGE_CORRUPT', '图片已损坏，无法解码', 'the image is damaged and cannot be decoded')
      writeFileAtomic(cached, png)
    }
    return { kind: 'image', mime: 'image/png', dataBase64: b64(readFileSync(cached)) }
  }

  const cached = join(cacheDir(ctx), `${item.sha256}.pdf`)
  if (!existsSync(cached)) {
    let pdf = ctx.files.read(item.sha256)
    if (item.mime === DOCX_MIME) {
      // The bundle's own conversion and cache (LibreOffice, by SHA-256): a DOCX converted here is not converted again for the bundle.
      const { docxToPdf } = await import('../bundle/docx-to-pdf')
      pdf = docxToPdf(pdf, item.label, item.name, join(ctx.platform.dataDir, 'cache', 'docx-pdf'))
    }
    try {
      writeFileAtomic(cached, await firstPagePdf(pdf))
    } catch (e) {
      if (!(e instanceof FirstPageError)) throw e
      throw e.reason === 'encrypted'
        ? refuse('EVIDENCE_PDF_ENCRYPTED', 'PDF 已加密（有密码或权限限制）', 'the PDF is encrypted (password or permissions)')
        : refuse('EVIDENCE_PDF_CORRUPT', `PDF 文件已损坏（${e.message}）`, `the PDF is damaged (${e.message})`)
    }
  }
  return { kind: 'pdf', dataBase64: b64(readFileSync(cached)) }
}
