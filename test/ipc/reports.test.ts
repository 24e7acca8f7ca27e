import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeCore } from '../helpers/core'
import { countPixels, decodePng } from '../helpers/png'
import { seedBook, type Book } from '../helpers/report-fixture'

/**
 * The report channels against the hand-counted book of test/helpers/report-fixture.ts (today 2026-11-28):
 * good input gives the figures counted by hand, bad input a coded zh/en error and an unchanged store.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let book: Book

beforeAll(async () => {
  core = await makeCore()
  book = await seedBook(core)
})
afterAll(() => core.close())

const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64')

describe('reports.dashboard', () => {
  it('puts every case in its bucket at the 30/31, 60/61, 90/91 and 180/181-day edges, by count and principal', async () => {
    const d = await call(core, 'reports.dashboard', {})
    expect(d.asOf).toBe('2026-11-28')
    expect(d.period).toEqual({ from: '2025-12', to: '2026-11' })
    expect(d.aging).toEqual({
      M1: { count: 1, principalFen: 70_000 }, // c1 (30 days), 30,000 repaid
      M2: { count: 2, principalFen: 495_000 }, // c2 (31 days, 5,000 repaid before placement) + c3 (60)
      M3: { count: 2, principalFen: 900_000 }, // c4 (61) + c5 (90)
      'M4-M6': { count: 1, principalFen: 600_000 }, // c6 (91)
      'M6+': { count: 4, principalFen: 700_000 + 900_000 + 1_000_000 + 1_090_000 }, // c7 (181), c9, c10, c11
    })
    expect(d.current).toEqual({ count: 1, principalFen: 800_000 })
    expect(d.totals).toMatchObject({ openCases: 11, closedCases: 0, recoveredFen: 30_000, placedCases: 11 })
    expect(d.funnel.find((s: { stage: string }) => s.stage === 'new')).toEqual({ stage: 'new', count: 10, principalFen: 6_155_000 })
    expect(d.funnel.find((s: { stage: string }) => s.stage === 'collection')).toEqual({ stage: 'collection', count: 1, principalFen: 400_000 })
    expect(d.funnel).toHaveLength(7)
  })

  it('counts recoveries after placement only, by month, against the principal outstanding when placed', async () => {
    const d = await call(core, 'reports.dashboard', {})
    expect(d.months).toHaveLength(12)
    // Placed: principal outstanding when placed = today's 6,555,000 + the 30,000 repaid on c1 since (c2's and c11's earlier payments were before).
    expect(d.months.at(-1)).toEqual({ month: '2026-11', recoveredFen: 30_000, repayments: 1, placedCases: 11, placedFen: 6_585_000 })
    expect(d.months.slice(0, -1).every((m: { recoveredFen: number; placedCases: number }) => m.recoveredFen === 0 && m.placedCases === 0)).toBe(true)
  })

  it('promise-kept rate: settled promises due in the period and before today', async () => {
    const d = await call(core, 'reports.dashboard', {})
    expect(d.promises).toEqual({ due: 3, kept: 1, partlyKept: 1, broken: 1, open: 0, keptRatePct: '33.3', promisedFen: 70_000, keptFen: 25_000 })
  })

  it('per-lawyer workload: open cases, actions since Monday (China time), recovered', async () => {
    const d = await call(core, 'reports.dashboard', {})
    const by = Object.fromEntries(d.lawyers.map((l: { owner: string | null }) => [l.owner ?? '-', l]))
    expect(by['张律师']).toMatchObject({ openCases: 5, actionsThisWeek: 1, recoveredFen: 30_000 })
    expect(by['李律师']).toMatchObject({ openCases: 5, actionsThisWeek: 1, recoveredFen: 0 })
    expect(by['-']).toMatchObject({ openCases: 1, actionsThisWeek: 0 })
  })

  it('limitation risk: 3 years from the last instalment, restarted by a later payment, within 30/90 days', async () => {
    const d = await call(core, 'reports.dashboard', {})
    expect(d.limitation).toMatchObject({ within30: 2, within90: 3 })
    expect(d.limitation.rows.map((r: { caseNo: string; expiry: string; daysLeft: number; provisional: boolean }) => [r.caseNo, r.expiry, r.daysLeft, r.provisional])).toEqual([
      [book.caseNos.c9, '2026-12-10', 12, false],
      [book.caseNos.c11, '2026-12-15', 17, false],
      [book.caseNos.c10, '2027-02-20', 84, true],
    ])
  })

  it('filters by lender (with lenderId on each lender row), owner and stage', async () => {
    const all = await call(core, 'reports.dashboard', {})
    expect(all.lenders.map((l: { lenderId: string; openCases: number }) => [l.lenderId, l.openCases]).sort()).toEqual([[book.lenders.A, 6], [book.lenders.B, 5]].sort())
    const a = await call(core, 'reports.dashboard', { lenderId: book.lenders.A })
    expect(a.aging.M2).toEqual({ count: 2, principalFen: 495_000 })
    expect(a.aging.M3).toEqual({ count: 0, principalFen: 0 })
    expect(a.lenders).toHaveLength(1)
    const li = await call(core, 'reports.dashboard', { owner: '李律师' })
    expect(li.aging.M3).toEqual({ count: 1, principalFen: 400_000 })
    expect(li.limitation.within90).toBe(2)
    const col = await call(core, 'reports.dashboard', { stage: 'collection' })
    expect(col.totals.openCases).toBe(1)
    expect(col.aging.M3.count).toBe(1)
    const earlier = await call(core, 'reports.dashboard', { from: '2026-01', to: '2026-10' })
    expect(earlier.totals).toMatchObject({ recoveredFen: 0, placedCases: 0 })
    expect(earlier.months).toHaveLength(10)
  })
})

describe('limitation risks: the work queue\'s stored limitation (loan_limitation), not a computation of their own', () => {
  it('rows are filled lazily for the candidates; an acknowledgement and a filing take cases off the list as on the case page', async () => {
    const own = await makeCore()
    try {
      const b = await seedBook(own)
      const raw = own.ctx.db.raw
      expect(raw.prepare('SELECT count(*) FROM loan_limitation').pluck().get()).toBe(0) // seeding and import fill none
      const before = await call(own, 'reports.dashboard', {})
      expect(before.limitation.rows.map((r: { caseNo: string }) => r.caseNo)).toEqual([b.caseNos.c9, b.caseNos.c11, b.caseNos.c10])
      const stored = raw.prepare(`SELECT case_id, expiry FROM loan_limitation WHERE case_id IN (?, ?, ?) ORDER BY expiry`).all(b.cases.c9, b.cases.c11, b.cases.c10)
      expect(stored).toEqual([{ case_id: b.cases.c9, expiry: '2026-12-10' }, { case_id: b.cases.c11, expiry: '2026-12-15' }, { case_id: b.cases.c10, expiry: '2027-02-20' }])
      await call(own, 'acknowledgements.add', { caseId: b.cases.c9, signedOn: '2026-11-20', note: '债务确认书' })
      await call(own, 'litigation.addEvent', { caseId: b.cases.c11, kind: 'filing', date: '2026-11-25' })
      const after = await call(own, 'reports.dashboard', {})
      expect(after.limitation.rows.map((r: { caseNo: string }) => r.caseNo)).toEqual([b.caseNos.c10])
      expect(after.limitation).toMatchObject({ within30: 0, within90: 1 })
      expect((await call(own, 'deadlines.forCase', { id: b.cases.c9 })).limitation[0]).toMatchObject({ state: 'running', expiry: '2029-11-20' })
      expect((await call(own, 'deadlines.forCase', { id: b.cases.c11 })).limitation[0]).toMatchObject({ state: 'suspended_by_proceedings', expiry: null })
    } finally {
      await own.close()
    }
  })
})

describe('limitation risks of a loan without an instalment schedule', () => {
  it('its period runs from the maturity date (or a later repayment): listed when it ends within 90 days, as on the case page', async () => {
    const own = await makeCore()
    try {
      const lenderId = (await call(own, 'lenders.create', { name: '杭州信达小额贷款有限公司', regime: 'licensed' })).id
      const open = async (contractNo: string, maturityDate: string) => {
        const borrower = await call(own, 'borrowers.create', { name: `借款人${contractNo}` })
        const loan = await call(own, 'loans.create', {
          lenderId, borrowerId: borrower.id, contractNo, contractDate: '2023-01-05', contractAmountFen: 500_000, disbursedAmountFen: 500_000,
          disbursementDate: '2023-01-05', repaymentMethod: 'bullet', rateTerm: '0.12', maturityDate,
        })
        return { loanId: loan.id, caseId: (await call(own, 'cases.create', { borrowerId: borrower.id, lenderId, loanIds: [loan.id] })).id as string }
      }
      const due = await open('HT-NS1', '2023-12-20') // ends 2026-12-20: 22 days
      const paid = await open('HT-NS2', '2023-06-01') // expired, but a repayment on 2024-01-10 restarted it: ends 2027-01-10 (2027 holidays unknown: nominal)
      const old = await open('HT-NS3', '2023-06-01') // ended 2026-06-01
      await call(own, 'loans.addRepayment', { loanId: paid.loanId, repayment: { date: '2024-01-10', amountFen: 10_000, principalFen: 10_000 } })
      const d = await call(own, 'reports.dashboard', {})
      const rows = d.limitation.rows.map((r: { caseId: string; expiry: string; lastInstalmentDue: string; provisional: boolean }) => [r.caseId, r.expiry, r.lastInstalmentDue, r.provisional])
      // 2026-12-20 is a Sunday: the last day rolls to Monday (provisional: late December, 2027's holidays unknown).
      expect(rows).toEqual([[due.caseId, '2026-12-21', '2023-12-20', true], [paid.caseId, '2027-01-10', '2023-06-01', true]])
      expect(d.limitation).toMatchObject({ within30: 1, within90: 2 })
      for (const c of [due, paid]) expect((await call(own, 'deadlines.forCase', { id: c.caseId })).limitation[0].expiry).toBe(rows.find((r: string[]) => r[0] === c.caseId)[1])
      expect((await call(own, 'deadlines.forCase', { id: old.caseId })).limitation[0].state).toBe('expired')
    } finally {
      await own.close()
    }
  })
})

describe('seeding fills the dashboard\'s limitation rows', () => {
  it('loan_limitation holds the candidates\' rows after a seed; the first dashboard call reads them and writes none', async () => {
    const own = await makeCore()
    try {
      await own.services.seed(3000, 2)
      const raw = own.ctx.db.raw
      const stored = () => raw.prepare('SELECT case_id, loan_id, state, expiry, computed_on FROM loan_limitation ORDER BY case_id, loan_id').all() as { case_id: string }[]
      const filled = stored()
      expect(filled.length).toBeGreaterThan(0)
      const d = await call(own, 'reports.dashboard', {})
      expect(d.limitation.within90).toBeGreaterThan(0)
      const storedCases = new Set(filled.map((r) => r.case_id))
      expect(d.limitation.rows.every((r: { caseId: string }) => storedCases.has(r.caseId))).toBe(true)
      expect(stored()).toEqual(filled)
    } finally {
      await own.close()
    }
  })
})

describe('reports.exportCases and reports.exportAggregate', () => {
  it('CSV: UTF-8 with BOM, Chinese header, every case once, ID numbers and phones masked', async () => {
    const f = await call(core, 'reports.exportCases', { format: 'csv' })
    const b = bytes(f)
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(3))
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('案件编号,借款人,身份证号,手机号,出借人,阶段,承办人,立案日期,逾期起始日,逾期天数,未还本金（元）,已还金额（元）')
    expect(lines).toHaveLength(12)
    expect(f.rows).toBe(11)
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(11)
    expect(text).toMatch(/330106\*{8}\d{3}[\dX]/)
    expect(text).toMatch(/138\*{4}\d{4}/)
    expect(text).not.toMatch(/13800138\d{3}/)
    expect(f.fileName).toBe('案件清单_2026-11-28.csv')
  })

  it('XLSX reads back with exceljs: filters in the file name, text ID numbers, money as numbers', async () => {
    const f = await call(core, 'reports.exportCases', { format: 'xlsx', filter: { stage: 'collection', owner: '李律师' } })
    expect(f.fileName).toBe('案件清单_阶段-催收_承办人-李律师_2026-11-28.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes(f) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('案件清单')!
    expect(ws.rowCount).toBe(2)
    expect(ws.getRow(1).getCell(1).value).toBe('案件编号')
    const row = ws.getRow(2)
    expect(row.getCell(1).value).toBe(book.caseNos.c4)
    expect(row.getCell(6).value).toBe('催收')
    expect(row.getCell(10).value).toBe(61)
    expect(row.getCell(11).value).toBe(4000)
  })

  it('an unmasked export is written to the audit log', async () => {
    const before = core.ctx.db.raw.prepare(`SELECT count(*) FROM audit_log WHERE action = 'export_unmasked'`).pluck().get()
    const f = await call(core, 'reports.exportCases', { format: 'csv', unmasked: true, filter: { dpdBucket: 'M1' } })
    expect(Buffer.from(f.base64, 'base64').toString('utf8')).toMatch(/13800138\d{3}/)
    expect(core.ctx.db.raw.prepare(`SELECT count(*) FROM audit_log WHERE action = 'export_unmasked'`).pluck().get()).toBe((before as number) + 1)
  })

  it('aggregates export with the same figures', async () => {
    const f = await call(core, 'reports.exportAggregate', { aggregate: 'aging', format: 'csv', filter: { lenderId: book.lenders.B } })
    expect(f.fileName).toBe('看板_逾期账龄分布_出借人-上海汇融商务咨询有限公司_2025-12至2026-11_2026-11-28.csv')
    const text = bytes(f).toString('utf8')
    expect(text).toContain('M3（61–90天）,2,9000.00')
    const x = await call(core, 'reports.exportAggregate', { aggregate: 'limitation', format: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes(x) as unknown as ArrayBuffer)
    expect(wb.getWorksheet('诉讼时效风险')!.rowCount).toBe(4)
  })
})

describe('reports.client', () => {
  it('PDF: figures, stage moves, recoveries, decisions and the chart page, as extractable text', async () => {
    const f = await call(core, 'reports.client', { lenderId: book.lenders.A, month: '2026-11', format: 'pdf' })
    expect(f.fileName).toBe('2026-11_杭州信达小额贷款有限公司_月度报告.pdf')
    const dir = mkdtempSync(join(tmpdir(), 'report-'))
    writeFileSync(join(dir, 'r.pdf'), bytes(f))
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
    const flat = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '') // table cells wrap: compare without line breaks
    expect(text).toContain('逾期资产处置月度报告')
    expect(text).toContain('本月概况')
    expect(text).toContain(book.caseNos.c1) // the recovery of the month
    expect(text).toContain('300.00')
    expect(flat).toContain('诉讼时效临近') // c9 needs the client's decision
    expect(flat).toContain('建议起诉') // c7, overdue 181 days, not in court
    expect(text).toContain('附图一')
    expect(text).toMatch(/M1\s+M2\s+M3\s+M4-M6\s+M6\+/) // the vector chart's axis
    const b = await call(core, 'reports.client', { lenderId: book.lenders.B, month: '2026-11', format: 'pdf' })
    writeFileSync(join(dir, 'b.pdf'), bytes(b))
    const tb = execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' })
    expect(tb).toContain(book.caseNos.c4) // moved stage: 新案 → 催收
    expect(tb).toContain('催收')
  })

  it('DOCX: the same report as a Word file, with the three charts as PNG pictures under their tables', async () => {
    const f = await call(core, 'reports.client', { lenderId: book.lenders.A, month: '2026-11', format: 'docx' })
    const dir = mkdtempSync(join(tmpdir(), 'report-'))
    const file = join(dir, 'r.docx')
    writeFileSync(file, bytes(f))
    const unzip = (part: string) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' })
    const xml = unzip('word/document.xml')
    expect(xml).toContain('本月回款明细')
    expect(xml).toContain(book.caseNos.c1)
    expect(xml).toContain('>M6+（181天以上）<') // the figures stay as a table too

    const media = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((n) => /^word\/media\/.+\.png$/.test(n))
    expect(media).toHaveLength(3)
    // Each picture is drawn in document.xml (a:blip r:embed → its relationship → the media file), with alt text.
    const rels = unzip('word/_rels/document.xml.rels')
    const embeds = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1])
    expect(embeds).toHaveLength(3)
    const targets = embeds.map((id) => rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1])
    expect(targets.map((t) => `word/${t}`).sort()).toEqual([...media].sort())
    expect(xml).toContain('descr="逾期账龄分布图（户数与未还本金）"')
    // Order in the text: the aging table, then its picture, then the stage section.
    expect(xml.indexOf('M6+（181天以上）')).toBeLessThan(xml.indexOf('逾期账龄分布图'))
    expect(xml.indexOf('逾期账龄分布图')).toBeLessThan(xml.indexOf('案件阶段分布'))

    // What each picture shows, read from its pixels: its series' bar colours, and the axis labels' text below the plot.
    const near = (hex: string) => {
      const [r0, g0, b0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      return (r: number, g: number, b: number) => Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) < 24
    }
    const colours: Record<string, string[]> = { 逾期账龄分布图: ['#1677ff', '#fa8c16'], 案件阶段分布图: ['#13c2c2'], 近六个月回款与新委案件图: ['#52c41a', '#722ed1'] }
    for (const [name, expected] of Object.entries(colours)) {
      const id = xml.match(new RegExp(`descr="${name}[^"]*"[\\s\\S]*?r:embed="([^"]+)"`))![1]
      const m = `word/${rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1]}`
      const png = execFileSync('unzip', ['-p', file, m])
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      // IHDR: 1440 × 680 pixels (the 720 × 340 chart at twice the size for print), tens of kilobytes.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 680])
      expect(png.length).toBeGreaterThan(10_000)
      expect(png.length).toBeLessThan(500_000)
      const pixels = decodePng(png)
      for (const c of expected) expect(countPixels(pixels, near(c)), `${name} ${c}`).toBeGreaterThan(1_000)
      // The x-axis labels sit in the bottom 56 rows (grid bottom 28 px at twice the size): glyphs, not only tick marks.
      const ink = (r: number, g: number, b: number, a: number) => a > 0 && r + g + b < 600 && Math.abs(r - b) < 40
      expect(countPixels(pixels, ink, 680 - 50, 680), `${name}: axis label text`).toBeGreaterThan(300)
    }
    // The picture size on the page: 150 × 70 mm in EMU (36,000 a millimetre, via docx's 96-dpi pixels).
    expect(xml).toMatch(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)
    const [, cx, cy] = xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!
    expect(Math.round(Number(cx) / 36_000)).toBe(150)
    expect(Math.round(Number(cy) / 36_000)).toBe(70)
  })
})

describe('bad input: coded zh/en errors, nothing changes', () => {
  const BAD: [string, unknown, string][] = [
    ['reports.dashboard', { from: '2026-13' }, 'INVALID_INPUT'],
    ['reports.dashboard', { from: '2026-11', to: '2026-01' }, 'INVALID_INPUT'],
    ['reports.dashboard', { lenderId: 'nope' }, 'NOT_FOUND'],
    ['reports.dashboard', { stage: 'won' }, 'INVALID_INPUT'],
    ['reports.exportCases', { format: 'pdf' }, 'INVALID_INPUT'],
    ['reports.exportCases', { format: 'csv', filter: { lenderId: 'nope' } }, 'NOT_FOUND'],
    ['reports.exportCases', { format: 'csv', filter: { limit: 5 } }, 'INVALID_INPUT'],
    ['reports.exportAggregate', { aggregate: 'everything', format: 'csv' }, 'INVALID_INPUT'],
    ['reports.client', { lenderId: 'nope', month: '2026-11', format: 'pdf' }, 'NOT_FOUND'],
    ['reports.client', { lenderId: 'x', month: '2026-1', format: 'pdf' }, 'INVALID_INPUT'],
    ['reports.client', { lenderId: 'x', month: '2026-11', format: 'html' }, 'INVALID_INPUT'],
  ]
  it.each(BAD)('%s %j → %s', async (channel, input, code) => {
    const count = () => core.ctx.db.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const before = count()
    const r = await core.dispatch(channel, input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe(code)
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(r.error.messageEn).toMatch(/[a-z]/i)
    expect(count()).toBe(before)
  })
})

describe('reports.client for a past month: stages at the month end from stage_history', () => {
  // Its own book: the stage history is rewritten to a past (cases created in September, moves in October
  // and November), as the stage service would have written it then.
  let past: Core
  let pb: Book
  beforeAll(async () => {
    past = await makeCore()
    pb = await seedBook(past)
    const raw = past.ctx.db.raw
    const created = raw.prepare(`UPDATE stage_history SET at = ? WHERE case_id = ? AND from_stage IS NULL`)
    for (const k of ['c1', 'c2', 'c4', 'c5', 'c6']) created.run('2026-09-01T02:00:00.000Z', pb.cases[k])
    const move = raw.prepare(`INSERT INTO stage_history (id, case_id, from_stage, to_stage, at, actor) VALUES (?, ?, ?, ?, ?, 'tester')`)
    move.run('H1', pb.cases.c5, 'new', 'negotiation', '2026-10-15T03:00:00.000Z') // in October
    move.run('H2', pb.cases.c6, 'new', 'collection', '2026-10-31T16:30:00.000Z') // 00:30 on 1 November in China: after October
    raw.prepare(`UPDATE cases SET stage = 'collection' WHERE id = ?`).run(pb.cases.c6)
  })
  afterAll(() => past.close())

  const docxText = async (lender: string) => {
    const f = await call(past, 'reports.client', { lenderId: lender, month: '2026-10', format: 'docx' })
    const dir = mkdtempSync(join(tmpdir(), 'report-'))
    writeFileSync(join(dir, 'r.docx'), bytes(f))
    const xml = execFileSync('unzip', ['-p', join(dir, 'r.docx'), 'word/document.xml'], { encoding: 'utf8' })
    // Table rows as "cell|cell|cell", paragraphs as their text.
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('|'))
    return { xml, rows }
  }

  it('lender B: c4 new, c5 negotiation (moved 15 October), c6 still new at the month end; c10 and c11 recorded later, counted apart', async () => {
    const { xml, rows } = await docxText(pb.lenders.B)
    expect(xml).toContain('案件阶段分布（2026-10-31 日终）')
    expect(xml).toContain('案件阶段分布为 2026-10-31 日终的数据（据阶段变动记录）')
    expect(xml).toContain('系统不保存历史账龄')
    expect(rows).toContain('新案|2|10,000.00') // c4 4,000 + c6 6,000 yuan
    expect(rows).toContain('协商|1|5,000.00')
    expect(rows).toContain('催收|0|0.00') // c6 moved only in November
    expect(xml).toContain('另有 2 件案件在 2026-10-31 之后才录入本系统，当时所处阶段无记录，未计入上表。')
    // The month's moves: c5 only (c6 moved on 1 November, China time).
    expect(rows.filter((r) => r.startsWith(pb.caseNos.c5))).toEqual([`${pb.caseNos.c5}|借款人5|新案|协商|2026-10-15`])
    expect(xml).not.toContain(`${pb.caseNos.c6}</w:t>`)
  })

  it("lender A: c1's principal at the October end adds back the 300 yuan repaid in November", async () => {
    const { rows } = await docxText(pb.lenders.A)
    expect(rows).toContain('新案|2|2,950.00') // c1 700 + 300 repaid on 28 November; c2 1,950
  })
})
