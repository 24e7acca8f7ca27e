import { accessSync, constants, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { STAGE_LABELS, STAGES, type Stage } from '../../../../shared/domain/enums'
import { UserError } from '../../errors'
import { writeFileAtomic } from '../../files/content-store'
import { defineJob } from '../../jobs/registry'
import type { UnitError } from '../../jobs/types'
import type { Services } from '../../services'
import type { PackResult, PacksResult } from '../../../../shared/domain/evidence'
import { buildPack } from './pack-case'

/**
 * Filing packs in bulk (issue 5 §7) as a job on both cores: one unit per case, each a folder (pack-case.ts);
 * at the end one summary sheet (立案材料汇总.xlsx) of every pack — court, defendant, claim, fee, status and
 * what is missing — including the cases that failed, with why.
 */
export interface PackParams {
  /** A stage code or its Chinese label (诉讼). */
  stage?: string
  caseIds?: string[]
  outDir: string
  /** Claims are computed as of this date (default today). */
  asOf?: string
}


function stageFrom(text: string): Stage {
  const s = STAGES.find((x) => x === text || STAGE_LABELS[x].zh === text)
  if (!s) throw new UserError('INVALID_INPUT', `阶段须为 ${STAGES.map((x) => `${x}/${STAGE_LABELS[x].zh}`).join('、')} 之一`, `stage must be one of ${STAGES.join(', ')}`, { field: 'stage' })
  return s
}

/** The cases to pack, checked before the job starts (unknown ids, an empty stage, an unwritable folder). */
async function planCases(s: Services, p: PackParams): Promise<{ caseId: string; caseNo: string }[]> {
  if (!!p.stage === !!p.caseIds?.length) throw new UserError('INVALID_INPUT', '请指定阶段或案件编号（二选一）', 'Give either a stage or case ids, not both', { field: 'stage' })
  const out = resolve(p.outDir)
  try {
    mkdirSync(out, { recursive: true })
    accessSync(out, constants.W_OK)
  } catch {
    throw new UserError('OUTPUT_DIR_NOT_WRITABLE', `无法写入输出文件夹：${out}`, `Cannot write to the output folder: ${out}`, { field: 'outDir' })
  }
  const db = s.ctx.db.kysely
  let rows: { id: string; case_no: string }[]
  if (p.stage) rows = await db.selectFrom('cases').select(['id', 'case_no']).where('stage', '=', stageFrom(p.stage)).orderBy('case_no').execute()
  else {
    rows = await db.selectFrom('cases').select(['id', 'case_no']).where('id', 'in', p.caseIds!).orderBy('case_no').execute()
    const unknown = p.caseIds!.filter((id) => !rows.some((r) => r.id === id))
    if (unknown.length) throw new UserError('NOT_FOUND', `未找到案件：${unknown.join('、')}`, `Cases not found: ${unknown.join(', ')}`, { field: 'caseIds', details: { unknown } })
  }
  if (rows.length === 0) throw new UserError('PACK_NO_CASES', '该阶段没有案件', 'No cases at that stage', { field: 'stage' })
  await s.documents.listTemplates() // built-in templates synced once here, before workers read them
  return rows.map((r) => ({ caseId: r.id, caseNo: r.case_no }))
}

async function writeSummary(path: string, packs: PackResult[], errors: UnitError[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs') // loaded when a summary is written, not at start
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('立案材料')
  ws.columns = [
    { header: '案件编号', key: 'caseNo', width: 18 }, { header: '受诉法院', key: 'court', width: 22 }, { header: '被告', key: 'defendant', width: 10 },
    { header: '诉讼请求金额（元）', key: 'claim', width: 16 }, { header: '案件受理费（元）', key: 'fee', width: 14 }, { header: '状态', key: 'status', width: 10 },
    { header: '缺件及待补事项', key: 'missing', width: 60 }, { header: '文件夹', key: 'dir', width: 40 },
  ]
  for (const p of packs) {
    ws.addRow({ caseNo: p.caseNo, court: p.court ?? '', defendant: p.defendant, claim: p.claim ? Number(p.claim) : null, fee: p.courtFee ? Number(p.courtFee) : null, status: p.missing.length ? '待补' : '齐全', missing: p.missing.join('；'), dir: p.dir })
  }
  for (const e of errors) ws.addRow({ caseNo: e.label, status: e.code === 'JOB_CANCELLED' ? '已取消' : '失败', missing: e.message })
  ws.getRow(1).font = { bold: true }
  for (const key of ['claim', 'fee']) ws.getColumn(key).numFmt = '#,##0.00'
  writeFileAtomic(path, new Uint8Array(await wb.xlsx.writeBuffer()))
}

export const packJob = defineJob('evidence.packs', {
  plan: (s, p: PackParams) => planCases(s, p),
  label: (u: { caseId: string; caseNo: string }) => u.caseNo,
  async runUnit(ctx, u: { caseId: string; caseNo: string }): Promise<PackResult> {
    const p = ctx.params as PackParams
    return buildPack(ctx.services, u.caseId, resolve(p.outDir), p.asOf ?? ctx.services.ctx.today(), ctx.cancelled)
  },
  async finish(_s, p, results, errors): Promise<PacksResult> {
    const packs = results.map((r) => r.result).sort((a, b) => a.caseNo.localeCompare(b.caseNo))
    const summary = join(resolve(p.outDir), '立案材料汇总.xlsx')
    await writeSummary(summary, packs, errors)
    return { packs, summary, errors }
  },
})
