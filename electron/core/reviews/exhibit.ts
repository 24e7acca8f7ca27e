import type { Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { UserError } from '../errors'
import { checkFileName, inspectFile, type InspectedFile } from '../evidence/file-check'
import { exhibitHolding, recordExhibit } from '../evidence/intake'
import { sha256Hex } from '../files/content-store'
import type { ReviewSource } from './rows'
import { renderTextExhibit } from './text-exhibit'

/**
 * The reviewed contract as an exhibit of the case (kind 借款合同), through the evidence intake: the same checks
 * (type from the bytes, PDF readable), the same content store, the same audit entry, and the same rule that one
 * case holds the same bytes once — a contract already among the case's exhibits is linked, not added again.
 * A PDF or DOCX is the exhibit as it is. A TXT file or pasted text cannot be one (the evidence list and a court
 * bundle hold PDF, DOCX and images only), so its text is transcribed into a PDF (text-exhibit.ts) and that PDF is
 * the exhibit; the review keeps the text and a TXT file's own bytes stay in the content store.
 */
export interface ContractExhibitFile {
  fileName: string
  bytes: Uint8Array
  inspected: InspectedFile
  /** 借款合同 + the contract number when the review found one; 借款合同（文本…） for a transcription. */
  name: string
  /** 合同审查, or for a transcription where its text came from (the TXT file's name or 粘贴文本). */
  source: string
}

const stem = (fileName: string) => fileName.replace(/\.[^.]*$/, '') || fileName

/**
 * The exhibit file for a review's contract, checked as evidence intake would (outside any transaction): the file
 * itself for a PDF/DOCX (`bytes`), the transcription PDF for a TXT file or pasted text; null when the file cannot be
 * an exhibit (e.g. a damaged or encrypted PDF that could still be read for its text).
 */
export async function prepareContractExhibit(src: ReviewSource, bytes: Uint8Array | null, contractNumber: string | undefined): Promise<ContractExhibitFile | null> {
  const asText = src.fileKind === 'txt' || src.fileKind === 'pasted'
  const file = asText
    ? { fileName: `${src.fileName ? stem(src.fileName).slice(0, 200) : '借款合同'}（文本）.pdf`, bytes: await renderTextExhibit(src.text, src.sha256) }
    : bytes && src.fileName ? { fileName: src.fileName, bytes } : null
  if (!file) return null
  const label = asText ? ['文本', contractNumber].filter(Boolean).join('，') : contractNumber
  try {
    checkFileName(file.fileName)
    const inspected = await inspectFile(file.fileName, file.bytes)
    if (inspected.mime !== 'application/pdf' && !inspected.mime.includes('wordprocessingml')) return null
    return {
      ...file, inspected, name: (label ? `借款合同（${label}）` : '借款合同').slice(0, 200),
      source: asText ? `合同审查（${src.fileName ?? '粘贴文本'}）`.slice(0, 200) : '合同审查',
    }
  } catch (e) {
    if (e instanceof UserError) return null
    throw e
  }
}

/** Inside the caller's transaction: the id of the case's exhibit holding the file, added as 借款合同 when new. */
export async function registerContractExhibit(ctx: CoreContext, trx: Executor, caseId: string, f: ContractExhibitFile): Promise<string> {
  const held = await exhibitHolding(trx, caseId, sha256Hex(f.bytes))
  if (held) return held.id
  const meta = { caseId, kind: 'contract' as const, source: f.source, purpose: '证明借贷合意及借款金额、利率、费用等约定' }
  return (await recordExhibit(ctx, trx, meta, f)).id
}
