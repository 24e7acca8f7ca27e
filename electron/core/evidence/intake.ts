import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { MAX_EVIDENCE_BYTES, type EvidenceAddResult, type EvidenceItemView, type EvidenceKind, type EvidenceRejection } from '../../../shared/domain/evidence'
import { appendAudit, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { sha256Hex } from '../files/content-store'
import { checkFileName, inspectFile, printable, type InspectedFile } from './file-check'
import { getEvidenceRow, listEvidence, nextEvidenceNo } from './repo'

/** The exhibit fields given once for every file of one intake. */
export interface EvidenceMeta {
  caseId: string
  kind: EvidenceKind
  /** The exhibit's name; with several files each gets "（1）", "（2）"…; without, the file's own name. */
  name?: string
  purpose?: string
  source?: string
  original?: boolean
  receivedOn?: string
  /** Add the files as sub-items of this exhibit. */
  parentId?: string
}

/** A file to take in: its bytes (from the app) or a path (the CLI). */
export interface IncomingFile {
  fileName: string
  bytes?: Uint8Array
  path?: string
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

function fileError(code: string, file: string, zh: string, en: string) {
  return new UserError(code, `${file}：${zh}`, `${file}: ${en}`, { field: 'files', details: { file } })
}

function checkSize(file: string, size: number): void {
  if (size > MAX_EVIDENCE_BYTES) throw fileError('EVIDENCE_TOO_LARGE', file, `文件过大（${MB(size)}），单个证据文件不得超过 ${MB(MAX_EVIDENCE_BYTES)}；请拆分或压缩后再添加`, `the file is too large (${MB(size)}); an exhibit may be at most ${MB(MAX_EVIDENCE_BYTES)}, split or compress it first`)
}

/** Reads a file from disk, refusing by size before reading and noticing a file that vanishes or changes meanwhile. */
export function readIncoming(f: IncomingFile): Uint8Array {
  if (f.bytes) {
    checkSize(f.fileName, f.bytes.length)
    return f.bytes
  }
  const path = f.path!
  const vanished = () => fileError('EVIDENCE_FILE_VANISHED', f.fileName, '文件不存在或在读取时被移走', 'the file does not exist or was moved away while being read')
  let size: number
  try {
    const st = statSync(path)
    if (!st.isFile()) throw fileError('EVIDENCE_NOT_A_FILE', f.fileName, '这不是一个普通文件（可能是文件夹）', 'this is not a regular file (perhaps a folder)')
    size = st.size
  } catch (e) {
    if (e instanceof UserError) throw e
    throw vanished()
  }
  checkSize(f.fileName, size)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch {
    throw vanished()
  }
  if (bytes.length !== size) throw fileError('EVIDENCE_FILE_CHANGED', f.fileName, '文件在读取时被修改，请待其写完后重新添加', 'the file changed while being read; add it again once it is complete')
  return bytes
}

function exhibitName(meta: EvidenceMeta, f: IncomingFile, i: number, count: number): string {
  if (!meta.name) return f.fileName.slice(0, f.fileName.length - extname(f.fileName).length).slice(0, 200) || f.fileName.slice(0, 200)
  return count > 1 ? `${meta.name}（${i + 1}）` : meta.name
}

/**
 * Takes files in as exhibits of a case: each is checked (type from its bytes, PDF readable and not
 * encrypted, image complete), copied into the content store (the same bytes are kept once) and recorded
 * with its SHA-256, size and page count, with an audit entry, in its own transaction. A refused file is
 * reported and the rest go on; a refused file changes nothing.
 */
export async function addEvidenceFiles(ctx: CoreContext, meta: EvidenceMeta, files: IncomingFile[]): Promise<EvidenceAddResult> {
  const db = ctx.db.kysely
  const kase = await db.selectFrom('cases').select('id').where('id', '=', meta.caseId).executeTakeFirst()
  if (!kase) throw notFound('案件', 'Case', meta.caseId)
  if (meta.parentId) {
    const parent = await getEvidenceRow(db, meta.parentId)
    if (parent.case_id !== meta.caseId || parent.removed_at || parent.parent_id) {
      throw new UserError('EVIDENCE_BAD_PARENT', '只能加在本案一项未移除的顶层证据之下', 'Sub-items go under an active top-level exhibit of the same case', { field: 'parentId' })
    }
  }
  const added: EvidenceItemView[] = []
  const rejected: EvidenceRejection[] = []
  let deduplicated = 0
  for (const [i, f] of files.entries()) {
    try {
      checkFileName(f.fileName)
      const bytes = readIncoming(f)
      const inspected = await inspectFile(f.fileName, bytes)
      const id = await db.transaction().execute(async (trx) => {
        const dup = await exhibitHolding(trx, meta.caseId, sha256Hex(bytes))
        if (dup) throw fileError('EVIDENCE_DUPLICATE', f.fileName, `本案已有相同内容的证据“${dup.name}”`, `this case already holds the same file as exhibit "${dup.name}"`)
        const r = await recordExhibit(ctx, trx, meta, { fileName: f.fileName, name: exhibitName(meta, f, i, files.length), bytes, inspected })
        if (!r.storedNew) deduplicated++
        return r.id
      })
      const view = (await listEvidence(db, meta.caseId)).find((v) => v.id === id)!
      added.push(view)
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      rejected.push({ file: printable(f.fileName), code: e.code, message: e.message, messageEn: e.messageEn })
    }
  }
  return { added, rejected, deduplicated }
}

/** The case's active exhibit holding these bytes, if any (the same bytes are one exhibit per case). */
export async function exhibitHolding(ex: Executor, caseId: string, sha256: string): Promise<{ id: string; name: string } | undefined> {
  return ex.selectFrom('evidence_items').select(['id', 'name']).where('case_id', '=', caseId).where('sha256', '=', sha256).where('removed_at', 'is', null).executeTakeFirst()
}

/**
 * One checked file into the content store and the exhibit list, with its audit entry, inside the caller's
 * transaction (intake above; the contract review registers its contract file through it). The caller has checked
 * the name, read and inspected the bytes and ruled out a duplicate.
 */
export async function recordExhibit(
  ctx: CoreContext, trx: Executor, meta: EvidenceMeta,
  f: { fileName: string; name: string; bytes: Uint8Array; inspected: InspectedFile },
): Promise<{ id: string; storedNew: boolean }> {
  const stored = ctx.files.put(f.bytes)
  const row = {
    id: ctx.newId(), case_id: meta.caseId, no: await nextEvidenceNo(trx, meta.caseId, meta.parentId ?? null), parent_id: meta.parentId ?? null,
    name: f.name, kind: meta.kind, source: meta.source ?? null, purpose: meta.purpose ?? null,
    original: meta.original ? 1 : 0, received_on: meta.receivedOn ?? ctx.today(), sha256: stored.sha256, size: stored.size,
    mime: f.inspected.mime, pages: f.inspected.pages, file_name: f.fileName, added_by: ctx.platform.actor, added_at: ctx.nowIso(), removed_at: null,
  }
  await trx.insertInto('evidence_items').values(row).execute()
  await appendAudit(trx, { actor: ctx.platform.actor, at: row.added_at, entity: 'evidence', entityId: row.id, action: 'add', diff: { caseId: row.case_id, name: row.name, kind: row.kind, fileName: row.file_name, sha256: row.sha256, size: row.size, pages: row.pages } })
  return { id: row.id, storedNew: stored.created }
}
