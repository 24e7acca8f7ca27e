import iconv from 'iconv-lite'
import { UserError } from '../errors'

/**
 * Contract text from a file: DOCX through mammoth, PDF through unpdf (pdf.js text layer), TXT as UTF-8 or, when the
 * bytes are not valid UTF-8, GB18030 (the superset of GBK that Chinese Windows tools write). The only normalisation
 * is dropping a leading BOM and turning CRLF/CR into LF; offsets in the review refer to the returned text.
 */

export type ContractFileKind = 'docx' | 'pdf' | 'txt'

export interface ExtractedText {
  text: string
  /** For PDFs: where each page starts and ends in `text` (pages are joined with one line break). */
  pages?: { page: number; start: number; end: number }[]
  /** A PDF without a text layer (scanned images): nothing to review until it is OCRed. */
  scanned: boolean
}

function normaliseBreaks(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

function unreadable(kind: ContractFileKind, cause: unknown): UserError {
  const why = cause instanceof Error ? cause.message : String(cause)
  return new UserError('REVIEW_UNREADABLE', `无法读取${kind.toUpperCase()}文件：${why}`, `Cannot read the ${kind.toUpperCase()} file: ${why}`, { details: { kind } })
}

/** Decode TXT bytes: strict UTF-8 first, GB18030 otherwise. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
  }
}

/**
 * Read a contract file's text.
 *
 * @throws UserError REVIEW_EMPTY_FILE (no bytes), REVIEW_UNREADABLE (not a valid DOCX/PDF)
 */
export async function extractText(bytes: Uint8Array, kind: ContractFileKind): Promise<ExtractedText> {
  if (bytes.byteLength === 0) throw new UserError('REVIEW_EMPTY_FILE', '文件为空', 'The file is empty')
  if (kind === 'txt') return { text: normaliseBreaks(decodeText(bytes)), scanned: false }
  if (kind === 'docx') {
    try {
      const { default: mammoth } = await import('mammoth') // loaded on the first DOCX only
      const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
      // mammoth ends every paragraph with a blank line; one line break per paragraph keeps the text as written.
      return { text: normaliseBreaks(r.value).replace(/\n\n/g, '\n').replace(/\n+$/, ''), scanned: false }
    } catch (e) {
      throw unreadable(kind, e)
    }
  }
  let pageTexts: string[]
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    const { extractText: pdfText, getDocumentProxy } = await import('unpdf')
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    pageTexts = (await pdfText(pdf, { mergePages: false })).text
  } catch (e) {
    throw unreadable(kind, e)
  }
  const pages: { page: number; start: number; end: number }[] = []
  let text = ''
  pageTexts.forEach((p, i) => {
    if (i > 0) text += '\n'
    const start = text.length
    text += normaliseBreaks(p)
    pages.push({ page: i + 1, start, end: text.length })
  })
  return { text, pages, scanned: text.trim().length === 0 }
}
