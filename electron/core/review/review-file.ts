import { UserError } from '../errors'
import type { LprTable } from '../law/lpr'
import type { TermCorrection } from './corrections'
import { reviewContract } from './review'
import { extractText, type ContractFileKind, type ExtractedText } from './text-in'
import type { ReviewOptions, ReviewResult } from './types'

/**
 * Read a contract file and review it. A scanned PDF is an error the user can act on (REVIEW_SCANNED_PDF),
 * never an empty review; so is a file whose text is blank (REVIEW_EMPTY_TEXT).
 */
export async function reviewFile(
  bytes: Uint8Array,
  kind: ContractFileKind,
  opts: ReviewOptions & { corrections?: readonly TermCorrection[] },
  lpr: LprTable,
): Promise<ReviewResult & { source: ExtractedText }> {
  const source = await extractText(bytes, kind)
  if (source.scanned) {
    throw new UserError(
      'REVIEW_SCANNED_PDF',
      '该PDF没有文字层（扫描件），无法审查；请先进行文字识别（OCR）或上传可复制文字的版本。',
      'This PDF has no text layer (a scan) and cannot be reviewed; run OCR first or use a version with selectable text.',
      { details: { pages: source.pages?.length ?? 0 } },
    )
  }
  if (source.text.trim().length === 0) throw new UserError('REVIEW_EMPTY_TEXT', '文件中没有文字', 'The file contains no text')
  return { ...reviewContract(source.text, opts, lpr), source }
}
