import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { PDFDocument, rgb } from 'pdf-lib'
import { beforeEach, describe, expect, it } from 'vitest'
import { call, makeCore } from '../helpers/core'

/**
 * The contract-review channels through the same dispatcher as the app: good input gives the stored review, the
 * file in the content store, audit entries and (after confirming) reviewed terms on the loan the calculator reads;
 * bad input gives a coded zh/en error and leaves the store exactly as it was.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let ids: { kase: string; loan: string; other: string; otherCase: string }

const fixture = (f: string) => readFileSync(`test/fixtures/contracts/${f}`, 'utf8')
const FLAWED = fixture('01-private-kantou-flawed.txt')
const CONFLICTING = fixture('05-conflicting-rates.txt')
const asFile = (fileName: string, bytes: Uint8Array | string) => ({ fileName, dataBase64: Buffer.from(bytes).toString('base64') })

const TABLES = ['contract_reviews', 'loans', 'evidence_items', 'audit_log']
const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, core.ctx.db.raw.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]))

async function expectRefused(channel: string, input: unknown, code: string) {
  const before = snapshot()
  const r = await core.dispatch(channel, input)
  expect(r.ok, `${channel} ${JSON.stringify(input).slice(0, 120)} should fail`).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe(code)
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(r.error.messageEn).toMatch(/[a-z]/)
  expect(snapshot()).toEqual(before)
}

async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.9, 0.9, 0.85) })
  return doc.save()
}

/** The contract as a DOCX (one paragraph a line), the kind of file a case keeps as its 借款合同 exhibit. */
async function docx(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
/** What pdftotext reads from the PDF, without the line breaks and spaces its layout adds. */
const pdfText = (pdf: Uint8Array) => flat(execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }))
const flat = (s: string) => s.replace(/\s+/g, '')

const exhibits = (caseId: string) =>
  core.ctx.db.raw.prepare(`SELECT id, case_id, kind, name, sha256, file_name, source, removed_at FROM evidence_items WHERE case_id = ? ORDER BY no`).all(caseId) as Record<string, unknown>[]

beforeEach(async () => {
  core = await makeCore()
  const lender = await call(core, 'lenders.create', { name: '深圳市恒通信息咨询有限公司', regime: 'private' })
  const borrower = await call(core, 'borrowers.create', { name: '张三' })
  const loanFields = { lenderId: lender.id, borrowerId: borrower.id, contractDate: '2024-03-01', contractAmountFen: 1_000_000, disbursedAmountFen: 1_000_000, disbursementDate: '2024-03-01', repaymentMethod: 'bullet', rateTerm: '0.24', maturityDate: '2025-02-28' }
  const loan = await call(core, 'loans.create', { ...loanFields, contractNo: 'JK-2024-0318' })
  const other = await call(core, 'loans.create', { ...loanFields, contractNo: 'JK-2024-0999' })
  const kase = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [loan.id] })
  const otherCase = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [other.id] })
  ids = { kase: kase.id, loan: loan.id, other: other.id, otherCase: otherCase.id }
})

describe("'review.preview'", () => {
  it('reviews pasted text and a TXT file alike, storing nothing', async () => {
    const before = snapshot()
    const fromText = await call(core, 'review.preview', { source: { text: FLAWED } })
    const fromFile = await call(core, 'review.preview', { source: asFile('合同.txt', FLAWED) })
    expect(fromFile).toEqual(fromText)
    expect(fromText.allInAnnualCost).toBe('0.4511')
    expect(fromText.findings.map((f: { code: string }) => f.code)).toEqual([
      'RATE_ABOVE_CAP', 'COST_ABOVE_36', 'DISGUISED_INTEREST_FEES', 'PREDEDUCTED_INTEREST', 'OVERDUE_CHARGES_ABOVE_CAP', 'COMPOUND_INTEREST',
      'UNFAIR_STANDARD_TERM', 'UNFAIR_STANDARD_TERM', 'PROFESSIONAL_LENDING', 'ACCELERATION_CLAUSE', 'JURISDICTION_CLAUSE', 'ELECTRONIC_SIGNATURE',
    ])
    const f = fromText.findings[0]
    expect(FLAWED.slice(f.start, f.end)).toBe(f.text)
    expect(snapshot()).toEqual(before)
  })

  it('refuses bad input with a coded bilingual error', async () => {
    await expectRefused('review.preview', { source: { text: '' } }, 'INVALID_INPUT')
    await expectRefused('review.preview', { source: { text: '   \n ' } }, 'REVIEW_EMPTY_TEXT')
    await expectRefused('review.preview', { source: asFile('contract.exe', 'abc') }, 'INVALID_INPUT')
    await expectRefused('review.preview', { source: { fileName: 'a.txt', dataBase64: '%%%' } }, 'INVALID_INPUT')
    await expectRefused('review.preview', { source: asFile('empty.txt', '') }, 'REVIEW_EMPTY_FILE')
    await expectRefused('review.preview', { source: asFile('broken.pdf', 'not a pdf at all') }, 'REVIEW_UNREADABLE')
    await expectRefused('review.preview', { source: asFile('broken.docx', 'PK not a zip') }, 'REVIEW_UNREADABLE')
    await expectRefused('review.preview', { source: asFile('scan.pdf', await scannedPdf()) }, 'REVIEW_SCANNED_PDF')
    await expectRefused('review.preview', { source: { text: FLAWED }, disbursed: '9千' }, 'INVALID_INPUT')
    await expectRefused('review.preview', { source: { text: FLAWED }, regime: 'bank' }, 'INVALID_INPUT')
    await expectRefused('review.preview', { source: { text: FLAWED }, contractDate: '2024-02-30' }, 'INVALID_INPUT')
    await expectRefused('review.preview', { source: { fileName: 'big.txt', dataBase64: 'A'.repeat(28 * 1024 * 1024) } }, 'INVALID_INPUT')
  })
})

describe("'review.run' and 'review.get'", () => {
  it('stores the file in the content store and the review for the case, audited, and gives it back', async () => {
    const r = await call(core, 'review.run', { source: asFile('借款合同.txt', FLAWED), caseId: ids.kase, loanId: ids.loan })
    expect(r).toMatchObject({ caseId: ids.kase, loanId: ids.loan, fileName: '借款合同.txt', fileKind: 'txt', regime: 'private', allInAnnualCost: '0.4511', corrections: [], createdBy: 'tester' })
    expect(r.text).toBe(FLAWED.replace(/\r\n?/g, '\n'))
    expect(Buffer.from(core.ctx.files.read(r.sha256)).toString('utf8')).toBe(FLAWED)
    expect(await core.ctx.files.verify(r.sha256)).toBe(true)
    const audit = core.ctx.db.raw.prepare(`SELECT action, diff_json FROM audit_log WHERE entity = 'contract_review' AND entity_id = ?`).all(r.id) as { action: string; diff_json: string }[]
    expect(audit.map((a) => a.action)).toEqual(['create'])
    expect(JSON.parse(audit[0].diff_json)).toMatchObject({ caseId: ids.kase, sha256: r.sha256, allInAnnualCost: '0.4511' })
    expect(await call(core, 'review.get', { id: r.id })).toEqual(r)
    // What confirming would write: the real disbursement, the fee taken at the start, overdue rates, clauses.
    expect(r.proposal.patch).toMatchObject({ contractAmountFen: 1_000_000, disbursedAmountFen: 900_000, upfrontFeeFen: 100_000, rateTerm: '0.24', rateOverdue: '0.36', penaltyRate: '0.36', signingMethod: 'electronic', jurisdictionClause: '第七条 因本合同发生的争议，由甲方所在地人民法院管辖。' })
    expect(r.proposal.conflicts).toEqual([])
  })

  it('stores pasted text without a file', async () => {
    const r = await call(core, 'review.run', { source: { text: FLAWED } })
    expect(r).toMatchObject({ caseId: null, loanId: null, fileKind: 'pasted', sha256: null, fileName: null })
  })

  it('refuses unknown links, a loan of another case and unreadable files, storing nothing', async () => {
    await expectRefused('review.run', { source: { text: FLAWED }, caseId: 'nope' }, 'NOT_FOUND')
    await expectRefused('review.run', { source: { text: FLAWED }, caseId: ids.kase, loanId: 'nope' }, 'NOT_FOUND')
    await expectRefused('review.run', { source: { text: FLAWED }, caseId: ids.kase, loanId: ids.other }, 'REVIEW_LOAN_NOT_IN_CASE')
    await expectRefused('review.run', { source: asFile('scan.pdf', await scannedPdf()), caseId: ids.kase }, 'REVIEW_SCANNED_PDF')
    await expectRefused('review.run', { source: { text: FLAWED }, caseId: ids.kase, extra: 1 }, 'INVALID_INPUT')
    await expectRefused('review.get', { id: 'nope' }, 'NOT_FOUND')
    await expectRefused('review.get', {}, 'INVALID_INPUT')
  })
})

describe("'review.listForCase'", () => {
  it("lists a case's reviews, newest first, with finding counts", async () => {
    const a = await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.kase })
    const b = await call(core, 'review.run', { source: { text: CONFLICTING }, caseId: ids.kase })
    await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.otherCase })
    const list = await call(core, 'review.listForCase', { caseId: ids.kase })
    expect(list.map((s: { id: string }) => s.id)).toEqual([b.id, a.id])
    expect(list[1]).toMatchObject({ allInAnnualCost: '0.4511', critical: 5, warning: 3, info: 4 })
    await expectRefused('review.listForCase', { caseId: 'nope' }, 'NOT_FOUND')
    await expectRefused('review.listForCase', {}, 'INVALID_INPUT')
  })
})

describe("'review.correct'", () => {
  it('stores the corrections, reviews again with them and audits the change', async () => {
    const r = await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.kase, loanId: ids.loan })
    const corrections = [{ term: 'disbursedAmountFen', value: 1_000_000 }, { term: 'fees', value: null }]
    const c = await call(core, 'review.correct', { id: r.id, corrections })
    expect(c.corrections).toEqual(corrections)
    expect(c.terms.disbursedAmountFen).toEqual([{ ...r.terms.disbursedAmountFen[0], value: 1_000_000, corrected: true }])
    expect(c.terms.fees).toEqual([])
    const codes = c.findings.map((f: { code: string }) => f.code)
    expect(codes).not.toContain('PREDEDUCTED_INTEREST')
    expect(codes).not.toContain('COST_ABOVE_36')
    expect(c.allInAnnualCost).not.toBe(r.allInAnnualCost)
    expect(c.proposal.patch).toMatchObject({ disbursedAmountFen: 1_000_000 })
    expect(c.proposal.patch.upfrontFeeFen).toBeUndefined()
    expect(await call(core, 'review.get', { id: r.id })).toEqual(c)
    const actions = core.ctx.db.raw.prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq`).all(r.id)
    expect(actions).toEqual([{ action: 'create' }, { action: 'correct' }])
    // A later correction replaces the list; options given are kept for the next review.
    const d = await call(core, 'review.correct', { id: r.id, corrections: [], disbursed: '9500' })
    expect(d.options).toEqual({ disbursed: '9500' })
    expect(d.proposal.patch.disbursedAmountFen).toBe(950_000)
  })

  it('refuses unknown terms, bad values and unknown reviews', async () => {
    const r = await call(core, 'review.run', { source: { text: FLAWED } })
    await expectRefused('review.correct', { id: r.id, corrections: [{ term: 'salary', value: 1 }] }, 'INVALID_INPUT')
    await expectRefused('review.correct', { id: r.id, corrections: [{ term: 'disbursedAmountFen', value: -5 }] }, 'INVALID_INPUT')
    await expectRefused('review.correct', { id: r.id, corrections: [{ term: 'contractDate', value: '2024-13-01' }] }, 'INVALID_INPUT')
    await expectRefused('review.correct', { id: r.id, corrections: [{ term: 'interestRate', value: { annual: '24%', per: 'year', written: '24%' } }] }, 'INVALID_INPUT')
    await expectRefused('review.correct', { id: 'nope', corrections: [] }, 'NOT_FOUND')
  })
})

describe("'review.applyToLoan'", () => {
  it('writes the reviewed terms into the loan (audited), so the calculator claims on the real disbursement', async () => {
    const r = await call(core, 'review.run', { source: asFile('借款合同.txt', FLAWED), caseId: ids.kase })
    const { loan, review } = await call(core, 'review.applyToLoan', { id: r.id, loanId: ids.loan })
    expect(review.loanId).toBe(ids.loan)
    expect(loan).toMatchObject({ disbursedAmountFen: 900_000, upfrontFeeFen: 100_000, rateOverdue: '0.36', penaltyRate: '0.36', signingMethod: 'electronic', termMonths: 12, repaymentMethod: 'equal_instalment', jurisdictionClause: '第七条 因本合同发生的争议，由甲方所在地人民法院管辖。' })
    const entries = core.ctx.db.raw.prepare(`SELECT entity, action FROM audit_log ORDER BY seq DESC LIMIT 2`).all()
    expect(entries).toEqual([{ entity: 'contract_review', action: 'apply' }, { entity: 'loan', action: 'update' }])
    const calc = await call(core, 'calc.claim', { loanId: ids.loan, asOf: '2024-06-01' })
    expect(calc.input.disbursedAmount).toBe('9000.00')
  })

  it('refuses while the contract states a rate two ways, without a loan, or for a loan of another case', async () => {
    const conflicting = await call(core, 'review.run', { source: { text: CONFLICTING }, caseId: ids.kase, loanId: ids.loan })
    expect(conflicting.proposal.conflicts.map((c: { term: string }) => c.term)).toEqual(['interestRate'])
    await expectRefused('review.applyToLoan', { id: conflicting.id }, 'REVIEW_CONFLICTING_TERMS')
    const flawed = await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.kase })
    await expectRefused('review.applyToLoan', { id: flawed.id }, 'REVIEW_NO_LOAN')
    await expectRefused('review.applyToLoan', { id: flawed.id, loanId: ids.other }, 'REVIEW_LOAN_NOT_IN_CASE')
    await expectRefused('review.applyToLoan', { id: 'nope', loanId: ids.loan }, 'NOT_FOUND')
    const empty = await call(core, 'review.run', { source: { text: fixture('06-no-terms.txt') }, caseId: ids.kase, loanId: ids.loan })
    await expectRefused('review.applyToLoan', { id: empty.id }, 'REVIEW_NOTHING_TO_APPLY')
    // Once the user keeps one rate, it can be confirmed.
    await call(core, 'review.correct', { id: conflicting.id, corrections: [{ term: 'interestRate', index: 0, value: null }] })
    const { loan } = await call(core, 'review.applyToLoan', { id: conflicting.id })
    expect(loan.rateTerm).toBe('0.18')
  })
})

describe('the reviewed contract as evidence of the case', () => {
  it('registers a reviewed DOCX as the case’s 借款合同 exhibit once, linked from every review of it', async () => {
    const bytes = await docx(FLAWED)
    const r = await call(core, 'review.run', { source: asFile('借款合同.docx', bytes), caseId: ids.kase, loanId: ids.loan })
    const rows = exhibits(ids.kase)
    expect(rows).toEqual([{ id: r.evidenceId, case_id: ids.kase, kind: 'contract', name: '借款合同（JK-2024-0318）', sha256: r.sha256, file_name: '借款合同.docx', source: '合同审查', removed_at: null }])
    expect(core.ctx.db.raw.prepare('SELECT evidence_id FROM contract_reviews WHERE id = ?').pluck().get(r.id)).toBe(r.evidenceId)
    const audit = core.ctx.db.raw.prepare(`SELECT entity, action FROM audit_log WHERE entity_id IN (?, ?) ORDER BY seq`).all(r.evidenceId, r.id)
    expect(audit).toEqual([{ entity: 'evidence', action: 'add' }, { entity: 'contract_review', action: 'create' }])
    // The evidence service lists it like any exhibit.
    const listed = await call(core, 'evidence.list', { caseId: ids.kase })
    expect(listed.map((e: { id: string; label: string; kind: string }) => [e.id, e.label, e.kind])).toEqual([[r.evidenceId, '1', 'contract']])
    // Reviewing the same bytes again links the same exhibit; nothing is added twice.
    const again = await call(core, 'review.run', { source: asFile('合同副本.docx', bytes), caseId: ids.kase })
    expect(again.evidenceId).toBe(r.evidenceId)
    expect(exhibits(ids.kase)).toHaveLength(1)
    // A correction keeps the link.
    expect((await call(core, 'review.correct', { id: r.id, corrections: [{ term: 'fees', value: null }] })).evidenceId).toBe(r.evidenceId)
  })

  it('links the exhibit the case already holds with the same bytes instead of adding it again', async () => {
    const bytes = await docx(FLAWED)
    const added = await call(core, 'evidence.add', { caseId: ids.kase, kind: 'other', name: '客户提交的合同', files: [asFile('客户.docx', bytes)] })
    const r = await call(core, 'review.run', { source: asFile('借款合同.docx', bytes), caseId: ids.kase })
    expect(r.evidenceId).toBe(added.added[0].id)
    expect(exhibits(ids.kase).map((e) => e.name)).toEqual(['客户提交的合同'])
  })

  it('registers a TXT file as a PDF transcription of its text, keeping the TXT bytes in the content store', async () => {
    const txt = Buffer.from(FLAWED.replace(/\n/g, '\r\n')) // CRLF: the file's bytes are not the reviewed text's
    const r = await call(core, 'review.run', { source: asFile('借款合同.txt', txt), caseId: ids.kase, loanId: ids.loan })
    const [row] = exhibits(ids.kase)
    expect(row).toEqual({ id: r.evidenceId, case_id: ids.kase, kind: 'contract', name: '借款合同（文本，JK-2024-0318）', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), file_name: '借款合同（文本）.pdf', source: '合同审查（借款合同.txt）', removed_at: null })
    expect(core.ctx.db.raw.prepare('SELECT mime, pages FROM evidence_items WHERE id = ?').get(r.evidenceId)).toEqual({ mime: 'application/pdf', pages: 2 })
    // The original TXT stays in the content store under the review's hash, byte for byte.
    expect(r.sha256).toBe(sha256(txt))
    expect(Buffer.from(core.ctx.files.read(r.sha256)).equals(txt)).toBe(true)
    const text = pdfText(core.ctx.files.read(row.sha256 as string))
    expect(text).toContain('借款合同（文本）')
    for (const line of FLAWED.split('\n').filter((l) => l.trim())) expect(text).toContain(flat(line))
    expect(text).toContain(`文本（UTF-8）SHA-256：${sha256(Buffer.from(r.text))}`)
    expect(text).toContain(`原TXT文件SHA-256：${sha256(txt)}`)
    const audit = core.ctx.db.raw.prepare(`SELECT entity, action FROM audit_log WHERE entity_id IN (?, ?) ORDER BY seq`).all(r.evidenceId, r.id)
    expect(audit).toEqual([{ entity: 'evidence', action: 'add' }, { entity: 'contract_review', action: 'create' }])
  })

  it('registers pasted text as a PDF transcription once: the same text again, pasted or as a UTF-8 file, links it', async () => {
    const r = await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.kase })
    const rows = exhibits(ids.kase)
    expect(rows).toEqual([{ id: r.evidenceId, case_id: ids.kase, kind: 'contract', name: '借款合同（文本，JK-2024-0318）', sha256: expect.any(String), file_name: '借款合同（文本）.pdf', source: '合同审查（粘贴文本）', removed_at: null }])
    expect(r).toMatchObject({ fileKind: 'pasted', sha256: null })
    const text = pdfText(core.ctx.files.read(rows[0].sha256 as string))
    for (const line of FLAWED.split('\n').filter((l) => l.trim())) expect(text).toContain(flat(line))
    expect(text).toContain(`文本（UTF-8）SHA-256：${sha256(Buffer.from(FLAWED))}`)
    expect(text).not.toContain('原TXT文件')
    // The transcription depends on the text alone, so the same contract is one exhibit however it comes in.
    expect((await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.kase })).evidenceId).toBe(r.evidenceId)
    expect((await call(core, 'review.run', { source: asFile('另一份.txt', FLAWED), caseId: ids.kase })).evidenceId).toBe(r.evidenceId)
    expect(exhibits(ids.kase)).toHaveLength(1)
    // Another case gets its own exhibit of the same text.
    expect((await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.otherCase })).evidenceId).not.toBe(r.evidenceId)
    expect(exhibits(ids.otherCase)).toHaveLength(1)
  })

  it('registers nothing for a review outside a case', async () => {
    expect((await call(core, 'review.run', { source: asFile('借款合同.txt', FLAWED) })).evidenceId).toBeNull()
    expect((await call(core, 'review.run', { source: { text: FLAWED } })).evidenceId).toBeNull()
    expect((await call(core, 'review.run', { source: asFile('借款合同.docx', await docx(FLAWED)) })).evidenceId).toBeNull()
    expect(core.ctx.db.raw.prepare('SELECT count(*) FROM evidence_items').pluck().get()).toBe(0)
  })

  it('registers the transcription of pasted text in the loan’s case when its review is confirmed into the loan', async () => {
    const r = await call(core, 'review.run', { source: { text: FLAWED } })
    const { review } = await call(core, 'review.applyToLoan', { id: r.id, loanId: ids.loan })
    expect(exhibits(ids.kase)).toEqual([expect.objectContaining({ id: review.evidenceId, kind: 'contract', file_name: '借款合同（文本）.pdf', source: '合同审查（粘贴文本）' })])
    // The same transcription as a review made in the case would have registered.
    expect((await call(core, 'review.run', { source: { text: FLAWED }, caseId: ids.kase })).evidenceId).toBe(review.evidenceId)
  })

  it('registers the file in the loan’s case when a review made outside a case is confirmed into the loan', async () => {
    const r = await call(core, 'review.run', { source: asFile('借款合同.docx', await docx(FLAWED)) })
    const { review } = await call(core, 'review.applyToLoan', { id: r.id, loanId: ids.loan })
    expect(review).toMatchObject({ caseId: ids.kase, loanId: ids.loan })
    expect(exhibits(ids.kase)).toEqual([expect.objectContaining({ id: review.evidenceId, kind: 'contract', sha256: r.sha256 })])
    // Confirming again changes nothing in the exhibit list.
    await call(core, 'review.applyToLoan', { id: r.id })
    expect(exhibits(ids.kase)).toHaveLength(1)
  })

  it('adds no exhibit when the review is refused', async () => {
    await expectRefused('review.run', { source: asFile('借款合同.docx', await docx(FLAWED)), caseId: ids.kase, loanId: ids.other }, 'REVIEW_LOAN_NOT_IN_CASE')
    await expectRefused('review.run', { source: { text: FLAWED }, caseId: ids.kase, loanId: ids.other }, 'REVIEW_LOAN_NOT_IN_CASE')
    await expectRefused('review.run', { source: asFile('借款合同.txt', '  \n'), caseId: ids.kase }, 'REVIEW_EMPTY_TEXT')
  })

  it('leaves neither the exhibit nor the review when storing the review fails inside the transaction', async () => {
    core.ctx.db.raw.exec(`CREATE TRIGGER fail_review BEFORE INSERT ON contract_reviews BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const before = snapshot()
    for (const source of [{ text: FLAWED }, asFile('借款合同.txt', FLAWED), asFile('借款合同.docx', await docx(FLAWED))]) {
      expect((await core.dispatch('review.run', { source, caseId: ids.kase })).ok).toBe(false)
      expect(snapshot()).toEqual(before)
    }
  })
})
