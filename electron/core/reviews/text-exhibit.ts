import { COURT_MARGINS_MM, type Block, type DocumentModel } from '../documents/model'
import { sha256Hex } from '../files/content-store'

/**
 * A contract that reached the review as a TXT file or as pasted text, as a PDF the evidence list and a court bundle
 * can hold (they take PDF, DOCX and images only). The PDF is a transcription: title 借款合同（文本）, a note saying what
 * it is with the SHA-256 of the text (and of the TXT file when its bytes differ, e.g. GB18030 or CRLF), then the
 * text line by line. The review itself keeps the original text with its offsets, and a TXT file's own bytes stay in
 * the content store.
 *
 * The PDF depends on the text alone — not on the file's name, the route (file or paste) or the day — so the same
 * contract text always renders the same bytes and the evidence rule "one case holds the same bytes once" keeps it to
 * one exhibit however often it is reviewed. Where it came from is on the exhibit's source and in the audit log.
 */

export const TEXT_EXHIBIT_TITLE = '借款合同（文本）'

/** A fixed creation date: a dated PDF would make the same text a new exhibit every day. */
const RENDER_DATE = '2000-01-01'

/** The text as the UTF-8 bytes it is hashed as (what pasted text "is"). */
export const textBytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/**
 * The transcription's document model.
 *
 * @param text the contract text as reviewed (BOM dropped, line breaks LF)
 * @param fileSha256 the SHA-256 of the TXT file's bytes, or null for pasted text
 */
export function textExhibitModel(text: string, fileSha256: string | null): DocumentModel {
  const textSha = sha256Hex(textBytes(text))
  const note = [
    '说明：本件由案件台根据合同审查所用的合同文本逐行转录生成，只含文字，不含原件的签名、印章和版式。',
    `文本（UTF-8）SHA-256：${textSha}`,
    ...(fileSha256 && fileSha256 !== textSha ? [`原TXT文件 SHA-256：${fileSha256}`] : []),
  ]
  const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], align: 'left', indent: false })
  const lines: Block[] = text.replace(/\t/g, '    ').split('\n').map((line) => (line.trim() === '' ? { kind: 'spacer', lines: 1 } : para(line)))
  return {
    meta: { title: TEXT_EXHIBIT_TITLE, date: RENDER_DATE, subject: `合同文本转录件 SHA-256 ${textSha}` },
    margins: COURT_MARGINS_MM,
    pageNumbers: true,
    blocks: [{ kind: 'title', text: TEXT_EXHIBIT_TITLE }, ...note.map(para), { kind: 'spacer', lines: 1 }, ...lines],
  }
}

/** The transcription as PDF bytes (pdf-lib and the font load on the first one). */
export async function renderTextExhibit(text: string, fileSha256: string | null): Promise<Uint8Array> {
  const { renderPdf } = await import('../documents/render-pdf/index')
  return renderPdf(textExhibitModel(text, fileSha256))
}
