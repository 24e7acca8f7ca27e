import { z } from 'zod'
import { EVIDENCE_KINDS, evidenceKindFrom, MAX_EVIDENCE_BYTES, type BundleResult, type EvidenceAddResult, type EvidenceGap, type EvidenceItemView, type EvidenceThumbnail, type IntegrityReport } from '../../domain/evidence'
import { bi, id, isoDate } from '../../domain/fields'
import { uploadId } from '../../domain/import'
import type { JobStarted } from '../../domain/jobs'
import { channel } from '../channel'

/** Text with no control characters (names end up in file names, ZIP entries and printed lists). */
// eslint-disable-next-line no-control-regex
const noControl = (s: string) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)
const plainText = (max: number) => z.string().trim().min(1, bi('不能为空', 'must not be empty')).max(max, bi(`不能超过 ${max} 个字符`, `at most ${max} characters`)).refine(noControl, bi('不能含控制字符', 'must not contain control characters'))

/** A kind by its English code or its Chinese label (借款合同 …). */
export const evidenceKind = z
  .string()
  .refine((v) => evidenceKindFrom(v) !== undefined, bi(`证据类别须为：${EVIDENCE_KINDS.join('、')} 或其中文名称（如“借款合同”）`, `kind must be one of ${EVIDENCE_KINDS.join(', ')} or its Chinese label (e.g. 借款合同)`))
  .transform((v) => evidenceKindFrom(v)!)

const base64 = z
  .string()
  .max(Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4, bi('文件过大（单个证据文件不得超过 200 MB）', 'file too large (an exhibit may be at most 200 MB)'))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, bi('文件内容须为 base64 编码', 'file content must be base64'))

/**
 * A file given inline (base64, small files), or staged first in chunks through `import.upload` and named by its
 * uploadId — the web bridge takes requests of up to 20 MB, so a large PDF can only arrive that way.
 */
const incomingFile = z.union([
  z.strictObject({ fileName: z.string().max(255, bi('文件名过长', 'file name too long')), dataBase64: base64 }),
  z.strictObject({ uploadId }),
])

const addInput = z.strictObject({
  caseId: id,
  kind: evidenceKind,
  name: plainText(200).optional(),
  purpose: plainText(500).optional(),
  source: plainText(200).optional(),
  original: z.boolean().optional(),
  receivedOn: isoDate.optional(),
  parentId: id.optional(),
  files: z.array(incomingFile).min(1, bi('请至少选择一个文件', 'choose at least one file')).max(50, bi('一次最多添加 50 个文件', 'at most 50 files at a time')),
})

const caseInput = z.strictObject({ caseId: id })
const listInput = z.strictObject({ caseId: id, includeRemoved: z.boolean().optional() })
const updateInput = z.strictObject({
  id,
  patch: z.strictObject({
    name: plainText(200).optional(),
    kind: evidenceKind.optional(),
    source: plainText(200).nullable().optional(),
    purpose: plainText(500).nullable().optional(),
    original: z.boolean().optional(),
    receivedOn: isoDate.nullable().optional(),
  }),
})
const arrangeInput = z.strictObject({
  caseId: id,
  order: z.array(z.strictObject({ id, parentId: id.nullable() })).max(2000),
})
const removeInput = z.strictObject({ id, reason: plainText(500) })
const fileInput = z.strictObject({ id })
export const batesPrefix = z.string().trim().regex(/^[\p{L}\p{N}_-]{1,20}$/u, bi('Bates 前缀须为 1–20 个字母、数字、“-”或“_”，如 HZ2024', 'Bates prefix must be 1–20 letters, digits, "-" or "_", e.g. HZ2024'))
const bundleStart = z.strictObject({ caseId: id, batesPrefix: batesPrefix.optional() })
const bundleRead = z.strictObject({ bundleId: id, which: z.enum(['pdf', 'zip']) })
const packsStart = z.strictObject({
  stage: z.string().trim().min(1).max(20).optional(),
  caseIds: z.array(id).min(1).max(5000).optional(),
  outDir: z.string().trim().min(1, bi('请填写输出文件夹', 'give an output folder')).max(1000),
  asOf: isoDate.optional(),
})
/** A received bundle ZIP: staged by import.upload (any size) or, when small, inline like an exhibit. */
const verifyBundleInput = incomingFile

export interface EvidenceFile {
  fileName: string
  mime: string
  dataBase64: string
}

export interface BundleRecord {
  id: string
  zip: string
  pdf: string
  zipSha256: string
  pdfSha256: string
  pages: number
  exhibits: number
  batesPrefix: string | null
  createdAt: string
  createdBy: string
}

/** Evidence (issue 5): exhibits of a case, the court bundle, integrity checks. */
export const evidenceChannels = {
  'evidence.list': channel<typeof listInput, EvidenceItemView[]>(listInput, 'A case’s exhibits in bundle order (sub-items after their exhibit); removed ones too when asked.'),
  'evidence.add': channel<typeof addInput, EvidenceAddResult>(addInput, 'Take files in as exhibits (bytes as base64, or a file staged by import.upload named by its uploadId, then discarded): type checked from the bytes, stored once by SHA-256; a refused file is reported and the rest go on.'),
  'evidence.update': channel<typeof updateInput, EvidenceItemView>(updateInput, 'Rename or re-describe an exhibit (name, kind, source, purpose, original/copy, date received).'),
  'evidence.arrange': channel<typeof arrangeInput, EvidenceItemView[]>(arrangeInput, 'Reorder and group: every active exhibit once, in the new order; parentId makes a sub-item.'),
  'evidence.remove': channel<typeof removeInput, EvidenceItemView[]>(removeInput, 'Remove an exhibit with a reason: kept with its file and an audit entry, never erased.'),
  'evidence.gaps': channel<typeof caseInput, EvidenceGap[]>(caseInput, 'What the case’s stage still lacks (e.g. litigation without a disbursement record).'),
  'evidence.verify': channel<typeof caseInput, IntegrityReport>(caseInput, 'Re-hash every stored file of the case against the SHA-256 taken at intake.'),
  'evidence.thumbnail': channel<typeof fileInput, EvidenceThumbnail>(fileInput, 'What the list shows for an exhibit: its first page as a one-page PDF (PDF, DOCX through its conversion) for pdf.js, or the image (scaled to a small PNG over 5 MB); cached by SHA-256. An encrypted or damaged file is an error with the reason.'),
  'evidence.file': channel<typeof fileInput, EvidenceFile>(fileInput, 'One exhibit’s stored file (base64), to preview or save.'),
  'evidence.bundle.start': channel<typeof bundleStart, JobStarted>(bundleStart, 'Build the case’s bundle (PDF + ZIP with manifest and SHA256SUMS) as a job; the job’s result is the BundleResult.'),
  'evidence.bundles': channel<typeof caseInput, BundleRecord[]>(caseInput, 'The bundles built for a case, newest first.'),
  'evidence.bundle.read': channel<typeof bundleRead, EvidenceFile>(bundleRead, 'A built bundle’s PDF or ZIP (base64), to open or save.'),
  'evidence.packs.start': channel<typeof packsStart, JobStarted>(packsStart, 'Filing packs for a stage or a list of cases, as a job on both cores: per case a folder (起诉状 DOCX+PDF, 证据目录, bundle, 授权委托书, 送达地址确认书, 缺件清单) and one summary XLSX; the job’s result is {packs, summary, errors}.'),
  'evidence.verifyBundle': channel<typeof verifyBundleInput, IntegrityReport>(verifyBundleInput, 'Check a received bundle ZIP against its SHA256SUMS and manifest: staged first by import.upload and named by its uploadId (then discarded) — the web bridge takes requests of up to 20 MB — or inline as base64.'),
} as const

export type { BundleResult }
