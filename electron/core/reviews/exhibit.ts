import type { Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { UserError } from '../errors'
import { checkFileName, inspectFile, type InspectedFile } from '../evidence/file-check'
import { exhibitHolding, recordExhibit } from '../evidence/intake'
import { sha256Hex } from '../files/content-store'

/**
 * The reviewed contract file as an exhibit of the case (kind 借款合同), through the evidence intake: the same checks
 * (type from the bytes, PDF readable), the same content store, the same audit entry, and the same rule that one
 * case holds the same bytes once — a contract already among the case's exhibits is linked, not added again.
 * Only what the evidence list can hold becomes an exhibit (PDF, DOCX): a TXT file or pasted text is reviewed and
 * stored with the review, but it is not a court exhibit.
 */
export interface ContractExhibitFile {
  fileName: string
  bytes: Uint8Array
  inspected: InspectedFile
  /** 借款合同 + the contract number when the review found one. */
  name: string
}

/** Check the file as evidence intake would (outside any transaction); null when it cannot be an exhibit. */
export async function prepareContractExhibit(fileName: string, bytes: Uint8Array, contractNumber: string | undefined): Promise<ContractExhibitFile | null> {
  try {
    checkFileName(fileName)
    const inspected = await inspectFile(fileName, bytes)
    if (inspected.mime !== 'application/pdf' && !inspected.mime.includes('wordprocessingml')) return null
    return { fileName, bytes, inspected, name: contractNumber ? `借款合同（${contractNumber}）`.slice(0, 200) : '借款合同' }
  } catch (e) {
    if (e instanceof UserError) return null
    throw e
  }
}

/** Inside the caller's transaction: the id of the case's exhibit holding the file, added as 借款合同 when new. */
export async function registerContractExhibit(ctx: CoreContext, trx: Executor, caseId: string, f: ContractExhibitFile): Promise<string> {
  const held = await exhibitHolding(trx, caseId, sha256Hex(f.bytes))
  if (held) return held.id
  const meta = { caseId, kind: 'contract' as const, source: '合同审查', purpose: '证明借贷合意及借款金额、利率、费用等约定' }
  return (await recordExhibit(ctx, trx, meta, f)).id
}
