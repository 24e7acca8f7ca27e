/**
 * Evidence (证据): the vocabulary and the shapes both sides use. An exhibit is one stored file with the
 * fields a 证据目录 needs; exhibits are numbered 1, 2, … in a case, and an exhibit may hold sub-items
 * (证据一 with 1-1, 1-2 …), one level deep.
 */
export const EVIDENCE_KINDS = ['contract', 'esign_certificate', 'disbursement', 'repayment_record', 'identity', 'collection_record', 'delivery_proof', 'other'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, { zh: string; en: string }> = {
  contract: { zh: '借款合同', en: 'Loan contract' },
  esign_certificate: { zh: '电子签名证书', en: 'E-signature certificate' },
  disbursement: { zh: '放款凭证', en: 'Disbursement record' },
  repayment_record: { zh: '还款记录', en: 'Repayment record' },
  identity: { zh: '身份证明', en: 'Identity document' },
  collection_record: { zh: '催收记录', en: 'Collection record' },
  delivery_proof: { zh: '送达凭证', en: 'Delivery proof' },
  other: { zh: '其他', en: 'Other' },
}

/** A kind from its English code or its Chinese label ("借款合同"); undefined when it is neither. */
export function evidenceKindFrom(text: string): EvidenceKind | undefined {
  const t = text.trim()
  if ((EVIDENCE_KINDS as readonly string[]).includes(t)) return t as EvidenceKind
  return EVIDENCE_KINDS.find((k) => EVIDENCE_KIND_LABELS[k].zh === t)
}

/** The file types an exhibit may be. */
export const EVIDENCE_MIMES = ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const
export type EvidenceMime = (typeof EVIDENCE_MIMES)[number]

/** Largest file taken in (checked from the file's size before anything is read). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024

/** One exhibit as the UI and the CLI see it. `label` is "1" or "1-2" (a sub-item), the 序号 printed in the 证据目录. */
export interface EvidenceItemView {
  id: string
  caseId: string
  label: string
  no: number
  parentId: string | null
  name: string
  kind: EvidenceKind
  source: string | null
  purpose: string | null
  original: boolean
  receivedOn: string | null
  sha256: string
  size: number
  mime: string
  pages: number | null
  fileName: string
  addedBy: string
  addedAt: string
  /** Set for a removed exhibit (listed only when asked for). */
  removed: { at: string; by: string; reason: string } | null
}

/** A file refused at intake: the rest of the batch goes on. */
export interface EvidenceRejection {
  file: string
  code: string
  message: string
  messageEn: string
}

export interface EvidenceAddResult {
  added: EvidenceItemView[]
  rejected: EvidenceRejection[]
  /** How many of the added files were already in the store (kept once). */
  deduplicated: number
}

/** A hint of what a case at its stage still lacks ("诉讼阶段缺少放款凭证"). */
export interface EvidenceGap {
  kind: EvidenceKind
  message: string
  messageEn: string
}

/** One integrity problem: a file whose bytes are not what was recorded, or that is missing or unexpected. */
export interface IntegrityProblem {
  file: string
  expected: string | null
  actual: string | null
  code: 'missing' | 'extra' | 'hash_mismatch' | 'size_mismatch' | 'unsafe_name' | 'manifest_mismatch' | 'unreadable'
}

export interface IntegrityReport {
  ok: boolean
  problems: IntegrityProblem[]
  /** How many files were checked. */
  checked: number
}

/** One exhibit's place in a built bundle (bundle PDF page numbers). */
export interface BundleExhibit {
  no: string
  name: string
  firstPage: number
  lastPage: number
  sha256: string
}

/** What building a bundle gives back. */
export interface BundleResult {
  zip: string
  pdf: string
  pages: number
  /** Cover and 证据目录 pages before the first exhibit. */
  indexPages: number
  exhibits: BundleExhibit[]
  pdfSha256: string
  zipSha256: string
}

/** One case's filing pack (立案材料) as the packs job reports it. */
export interface PackResult {
  caseId: string
  caseNo: string
  dir: string
  court: string | null
  defendant: string
  /** The supportable claim as of the pack's date, yuan ("12345.67"); null when no loan could be computed. */
  claim: string | null
  /** 案件受理费 for that claim, yuan. */
  courtFee: string | null
  missing: string[]
  files: string[]
}

/** The packs job's result: every pack built, the summary sheet, the cases that failed. */
export interface PacksResult {
  packs: PackResult[]
  summary: string
  errors: { label: string; code: string; message: string; messageEn: string }[]
}

/** Images up to this size are their own thumbnail (the page scales them); larger ones are scaled down by the core. */
export const THUMB_INLINE_IMAGE_BYTES = 5 * 1024 * 1024

/** Longest side, in pixels, of a thumbnail the core draws (the list shows 40 px; twice that stays sharp on HiDPI). */
export const THUMB_MAX_PX = 160

/**
 * What the evidence list shows for an exhibit: for a PDF or a DOCX (through its PDF conversion) a one-page
 * PDF holding only the first page, which the page draws with pdf.js; for an image the image itself (up to
 * THUMB_INLINE_IMAGE_BYTES) or a PNG scaled down to THUMB_MAX_PX. A file that cannot be drawn (encrypted,
 * damaged, a DOCX LibreOffice cannot convert) is an error with its reason, shown as the icon's tooltip.
 */
export type EvidenceThumbnail =
  | { kind: 'pdf'; dataBase64: string }
  | { kind: 'image'; mime: 'image/png' | 'image/jpeg'; dataBase64: string }
