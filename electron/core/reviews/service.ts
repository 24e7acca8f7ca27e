import type { z } from 'zod'
import type { Loan } from '../../../shared/domain/loan'
import {
  MAX_REVIEW_FILE_BYTES, type ReviewOutcome, type ReviewSummary, type StoredReview, type TermCorrectionInput,
  type reviewPreviewInput, type reviewRunInput, type reviewSource,
} from '../../../shared/domain/review'
import type { Regime } from '../../../shared/domain/review-terms'
import { appendAudit, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import type { loanService } from '../loans/service'
import type { LprTable } from '../law/lpr'
import { reviewContract, reviewFile, type ContractFileKind } from '../review'
import { prepareContractExhibit, registerContractExhibit } from './exhibit'
import { fromRow, sourceOf, toRow, toSummary, type ReviewSource } from './rows'

type SourceInput = z.output<typeof reviewSource>
type Options = StoredReview['options']

/** What one item of a batch gave: the outcome, or the error a user would have seen for that file alone. */
export type BatchItem = { name: string; outcome: ReviewOutcome } | { name: string; error: { code: string; message: string; messageEn: string } }

function kindOf(fileName: string): ContractFileKind {
  return fileName.toLowerCase().split('.').pop() as ContractFileKind
}

function decode(src: Extract<SourceInput, { dataBase64: string }>): Uint8Array {
  const bytes = Buffer.from(src.dataBase64, 'base64')
  if (bytes.byteLength > MAX_REVIEW_FILE_BYTES)
    throw new UserError('REVIEW_FILE_TOO_LARGE', `文件超过 ${MAX_REVIEW_FILE_BYTES / 1024 / 1024} MB 上限`, `The file is larger than the ${MAX_REVIEW_FILE_BYTES / 1024 / 1024} MB limit`, { field: 'source.dataBase64' })
  return bytes
}

const outcomeOf = (r: ReviewOutcome): ReviewOutcome => ({
  terms: r.terms, regime: r.regime, regimeSource: r.regimeSource, cap: r.cap, allInAnnualCost: r.allInAnnualCost,
  costConvention: r.costConvention, cashFlows: r.cashFlows, findings: r.findings,
})

/** The services a review uses, reached lazily (they are built beside it in createServices). */
export interface ReviewPeers {
  calc: { lprTable(): Promise<LprTable> }
  loans: Pick<ReturnType<typeof loanService>, 'update'>
}

/**
 * Contract reviews as a service (issue 7): review pasted text or a DOCX/PDF/TXT file, store the file (content
 * store) and the review, re-review with the user's corrections, and confirm the reviewed terms into a loan
 * through the loans service (so the calculator and the documents use them). Every write is audited.
 */
export function reviewService(ctx: CoreContext, peers: () => ReviewPeers) {
  const { kysely } = ctx.db
  const deps = { lpr: () => peers().calc.lprTable(), loans: { update: (...a: Parameters<ReviewPeers['loans']['update']>) => peers().loans.update(...a) } }
  const audit = (ex: Executor, entityId: string, action: string, diff: unknown) =>
    appendAudit(ex, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'contract_review', entityId, action, diff })

  /** Text in, with where it came from (file bytes are hashed but not yet stored). */
  async function read(src: SourceInput, opts: Options, corrections: TermCorrectionInput[], regimeFallback?: Regime) {
    const engineOpts = { ...opts, regime: opts.regime ?? regimeFallback, corrections }
    if ('text' in src) {
      const text = src.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
      if (text.trim().length === 0) throw new UserError('REVIEW_EMPTY_TEXT', '合同文本为空', 'The contract text is empty', { field: 'source.text' })
      const outcome = outcomeOf(reviewContract(text, engineOpts, await deps.lpr()))
      return { source: { text, fileKind: 'pasted', fileName: null, sha256: null } as ReviewSource, outcome, bytes: null }
    }
    const bytes = decode(src)
    const kind = kindOf(src.fileName)
    const r = await reviewFile(bytes, kind, engineOpts, await deps.lpr())
    return { source: { text: r.source.text, fileKind: kind, fileName: src.fileName, sha256: null } as ReviewSource, outcome: outcomeOf(r), bytes }
  }

  /** The loan's lender regime: known in the store, so better than guessing it from the lender's name. */
  async function regimeOfLoan(ex: Executor, loanId: string | null): Promise<Regime | undefined> {
    if (!loanId) return undefined
    const r = await ex.selectFrom('loans').innerJoin('lenders', 'lenders.id', 'loans.lender_id').select('lenders.regime').where('loans.id', '=', loanId).executeTakeFirst()
    return r?.regime as Regime | undefined
  }

  async function checkLinks(ex: Executor, caseId: string | null, loanId: string | null): Promise<void> {
    if (caseId && !(await ex.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
    if (!loanId) return
    if (!(await ex.selectFrom('loans').select('id').where('id', '=', loanId).executeTakeFirst())) throw notFound('借款合同', 'Loan', loanId)
    if (caseId && !(await ex.selectFrom('case_loans').select('loan_id').where('case_id', '=', caseId).where('loan_id', '=', loanId).executeTakeFirst()))
      throw new UserError('REVIEW_LOAN_NOT_IN_CASE', '该借款合同不属于此案件', 'That loan is not part of this case', { field: 'loanId' })
  }

  /** The one case a loan belongs to (a review confirmed into a loan joins that case); null when none or several. */
  async function soleCaseOf(ex: Executor, loanId: string): Promise<string | null> {
    const rows = await ex.selectFrom('case_loans').select('case_id').where('loan_id', '=', loanId).limit(2).execute()
    return rows.length === 1 ? rows[0].case_id : null
  }

  async function load(ex: Executor, id: string) {
    const row = await ex.selectFrom('contract_reviews').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound('合同审查', 'Contract review', id)
    return row
  }

  return {
    /** Review without storing anything. */
    async preview(input: z.output<typeof reviewPreviewInput>): Promise<ReviewOutcome> {
      const { source, ...opts } = input
      return (await read(source, opts, [])).outcome
    },

    /**
     * Review and store: the file goes to the content store; the review row, its audit entry and — for a case — the
     * contract as the case's 借款合同 exhibit (the PDF/DOCX itself, or a PDF transcription of a TXT file or pasted text;
     * or the link to the exhibit already holding those bytes) in one transaction.
     */
    async run(input: z.output<typeof reviewRunInput>): Promise<StoredReview> {
      const { source, caseId = null, loanId = null, ...opts } = input
      await checkLinks(kysely, caseId, loanId)
      const { source: src, outcome, bytes } = await read(source, opts, [], await regimeOfLoan(kysely, loanId))
      // The file is stored first: content-addressed, so a failed transaction leaves at most an unreferenced copy.
      // The exhibit (a transcription PDF is rendered here) is prepared before the transaction too.
      if (bytes) src.sha256 = ctx.files.put(bytes).sha256
      const exhibit = caseId ? await prepareContractExhibit(src, bytes, outcome.terms.contractNumber[0]?.value) : null
      const id = ctx.newId()
      const row = toRow(id, src, { caseId, loanId, evidenceId: null }, opts, [], outcome, { at: ctx.nowIso(), by: ctx.platform.actor })
      await kysely.transaction().execute(async (trx) => {
        await checkLinks(trx, caseId, loanId)
        // The exhibit and the review go in together: neither is left without the other.
        if (exhibit && caseId) row.evidence_id = await registerContractExhibit(ctx, trx, caseId, exhibit)
        await trx.insertInto('contract_reviews').values(row).execute()
        await audit(trx, id, 'create', {
          caseId, loanId, fileName: src.fileName, sha256: src.sha256, evidenceId: row.evidence_id, chars: src.text.length, regime: outcome.regime,
          allInAnnualCost: outcome.allInAnnualCost, findings: outcome.findings.map((f) => f.code),
        })
      })
      return fromRow(row)
    },

    /**
     * Review and store one file given as bytes (a batch job's unit), outside any case; a file of another type is
     * refused by name like the contract would refuse it.
     */
    async runFile(fileName: string, bytes: Uint8Array, opts: Options): Promise<StoredReview> {
      if (!/\.(docx|pdf|txt)$/i.test(fileName)) throw new UserError('REVIEW_UNSUPPORTED_FILE', `${fileName}：只能审查 DOCX、PDF 或 TXT 文件`, `${fileName}: only DOCX, PDF or TXT files can be reviewed`)
      if (bytes.byteLength > MAX_REVIEW_FILE_BYTES) throw new UserError('REVIEW_FILE_TOO_LARGE', `${fileName}：文件超过 ${MAX_REVIEW_FILE_BYTES / 1024 / 1024} MB 上限`, `${fileName}: the file is larger than the ${MAX_REVIEW_FILE_BYTES / 1024 / 1024} MB limit`)
      return this.run({ source: { fileName, dataBase64: Buffer.from(bytes).toString('base64') }, ...opts })
    },

    async get(id: string): Promise<StoredReview> {
      return fromRow(await load(kysely, id))
    },

    /** A case's reviews, newest first. */
    async listForCase(caseId: string): Promise<ReviewSummary[]> {
      if (!(await kysely.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
      const rows = await kysely.selectFrom('contract_reviews').select(['id', 'loan_id', 'file_name', 'all_in_cost', 'findings_json', 'created_at'])
        .where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
      return rows.map(toSummary)
    },

    /**
     * Replace the review's corrections (and, when given, its options) and review the stored text again; the new
     * terms and findings replace the old ones. Options not given keep their stored values.
     */
    async correct(id: string, corrections: TermCorrectionInput[], patch: Partial<Options>): Promise<StoredReview> {
      return kysely.transaction().execute(async (trx) => {
        const before = await load(trx, id)
        const options: Options = { ...(JSON.parse(before.options_json) as Options), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
        const { outcome } = await read({ text: before.text }, options, corrections, await regimeOfLoan(trx, before.loan_id))
        const src = sourceOf(before)
        const row = toRow(id, src, { caseId: before.case_id, loanId: before.loan_id, evidenceId: before.evidence_id }, options, corrections, outcome, { at: ctx.nowIso(), by: before.created_by, createdAt: before.created_at })
        await trx.updateTable('contract_reviews').set(row).where('id', '=', id).execute()
        const codes = (json: string) => (JSON.parse(json) as { code: string }[]).map((f) => f.code)
        await audit(trx, id, 'correct', {
          corrections: [JSON.parse(before.corrections_json), corrections], options: [JSON.parse(before.options_json), options],
          allInAnnualCost: [before.all_in_cost, outcome.allInAnnualCost], findings: [codes(before.findings_json), outcome.findings.map((f) => f.code)],
        })
        return fromRow(row)
      })
    },

    /**
     * Confirm the reviewed terms into a loan (the review's own, or `loanId`, which then becomes the review's).
     * The loan is changed through the loans service (its own audited transaction, case figures refreshed);
     * then the review is linked (to the loan's case when it had none) and the confirmation audited; a contract not yet
     * among the case's exhibits is registered as one (as in `run`). Conflicting terms must be corrected first.
     */
    async applyToLoan(id: string, loanId?: string): Promise<{ review: StoredReview; loan: Loan }> {
      const before = await load(kysely, id)
      const target = loanId ?? before.loan_id
      if (!target) throw new UserError('REVIEW_NO_LOAN', '请选择要写入的借款合同', 'Choose the loan to write the terms into', { field: 'loanId' })
      await checkLinks(kysely, before.case_id, target)
      const { proposal } = fromRow(before)
      const [conflict] = proposal.conflicts
      if (conflict)
        throw new UserError('REVIEW_CONFLICTING_TERMS', `合同对“${conflict.term}”有不同约定，请先更正为一个值`, `The contract states "${conflict.term}" differently in different places; correct it to one value first`, { field: conflict.term, details: proposal.conflicts })
      if (Object.keys(proposal.patch).length === 0) throw new UserError('REVIEW_NOTHING_TO_APPLY', '审查结果中没有可写入借款合同的条款', 'The review has no terms to write into the loan')
      const caseId = before.case_id ?? (await soleCaseOf(kysely, target))
      const src = sourceOf(before)
      // A PDF/DOCX is registered as it is (its bytes from the content store); a TXT or pasted text as its transcription.
      const bytes = before.file_sha256 && (src.fileKind === 'pdf' || src.fileKind === 'docx') ? ctx.files.read(before.file_sha256) : null
      const exhibit = caseId && !before.evidence_id ? await prepareContractExhibit(src, bytes, fromRow(before).terms.contractNumber[0]?.value) : null
      const loan = await deps.loans.update(target, proposal.patch as Parameters<ReviewPeers['loans']['update']>[1])
      const review = await kysely.transaction().execute(async (trx) => {
        const evidenceId = exhibit && caseId ? await registerContractExhibit(ctx, trx, caseId, exhibit) : before.evidence_id
        await trx.updateTable('contract_reviews').set({ loan_id: target, case_id: caseId, evidence_id: evidenceId, updated_at: ctx.nowIso() }).where('id', '=', id).execute()
        await audit(trx, id, 'apply', { loanId: target, caseId, evidenceId, patch: proposal.patch, skipped: proposal.skipped.map((s) => s.field) })
        return fromRow(await load(trx, id))
      })
      return { review, loan }
    },

    /**
     * Review many files without storing them (the CLI's `casedesk review DIR`, the batch benchmark): one bad file
     * gives its own error and the rest go on. Progress goes to `onProgress` and to the core's events
     * (`review.progress`, payload { done, total, name }).
     */
    async previewBatch(items: { name: string; bytes: Uint8Array }[], opts: Options, onProgress?: (done: number, total: number, name: string) => void): Promise<BatchItem[]> {
      const lpr = await deps.lpr()
      const out: BatchItem[] = []
      for (const [i, item] of items.entries()) {
        try {
          const kind = kindOf(item.name)
          if (!['docx', 'pdf', 'txt'].includes(kind)) throw new UserError('REVIEW_UNSUPPORTED_FILE', '只能审查 DOCX、PDF 或 TXT 文件', 'Only DOCX, PDF or TXT files can be reviewed')
          out.push({ name: item.name, outcome: outcomeOf(await reviewFile(item.bytes, kind, opts, lpr)) })
        } catch (e) {
          // A bad option (disbursed, contract date) is wrong for every file: stop rather than repeat it a thousand times.
          if (!(e instanceof UserError) || e.field === 'disbursed' || e.field === 'contractDate') throw e
          out.push({ name: item.name, error: { code: e.code, message: e.message, messageEn: e.messageEn } })
        }
        onProgress?.(i + 1, items.length, item.name)
        ctx.events.emitEvent({ type: 'review.progress', payload: { done: i + 1, total: items.length, name: item.name } })
      }
      return out
    },
  }
}
