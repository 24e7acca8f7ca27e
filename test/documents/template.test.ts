import { describe, expect, it } from 'vitest'
import { UserError } from '../../electron/core/errors'
import { buildDocumentModel, compileTemplateFor } from '../../electron/core/documents/generate'
import { BLANK, fillTemplate } from '../../electron/core/documents/template/fill'
import { markupToBlocks, plain } from '../../electron/core/documents/template/markup'
import { parseTemplate } from '../../electron/core/documents/template/parse'
import { parseTemplateFile } from '../../electron/core/documents/templates'
import { sampleContext } from './fixtures'

function errorOf(fn: () => unknown): UserError {
  try { fn() } catch (e) { if (e instanceof UserError) return e; throw e }
  throw new Error('expected a UserError')
}

const fill = (body: string, data: unknown) => {
  const r = fillTemplate(parseTemplate(body), data)
  return { text: plain(r.text), missing: r.missing }
}

describe('parseTemplate: broken templates are rejected with the line and a zh/en message', () => {
  it('unknown placeholder', () => {
    const e = errorOf(() => parseTemplate('第一行\n借款人：{{borrower.nmae}}'))
    expect(e.code).toBe('TEMPLATE_UNKNOWN_FIELD')
    expect(e.message).toBe('模板第 2 行：未知的字段“borrower.nmae”')
    expect(e.messageEn).toBe('Template line 2: unknown field "borrower.nmae"')
    expect(e.details).toEqual({ line: 2 })
  })
  it('unclosed block names the line it was opened on', () => {
    const e = errorOf(() => parseTemplate('a\n{{#each loans}}\n{{contractNo}}\nb'))
    expect(e.code).toBe('TEMPLATE_UNCLOSED_BLOCK')
    expect(e.details).toEqual({ line: 2 })
    expect(e.messageEn).toContain('{{#each}} is never closed')
  })
  it('mismatched block', () => {
    const e = errorOf(() => parseTemplate('{{#if guarantors}}\nx\n{{/each}}'))
    expect(e.code).toBe('TEMPLATE_MISMATCHED_BLOCK')
    expect(e.message).toBe('模板第 3 行：{{/each}} 与第 1 行的 {{#if}} 不匹配')
  })
  it('close without open, else outside if, unknown filter, #each over a non-list, an unterminated tag', () => {
    expect(errorOf(() => parseTemplate('x\n{{/if}}')).details).toEqual({ line: 2 })
    expect(errorOf(() => parseTemplate('{{else}}')).code).toBe('TEMPLATE_MISPLACED_ELSE')
    expect(errorOf(() => parseTemplate('{{claim.total|bold}}')).code).toBe('TEMPLATE_UNKNOWN_FILTER')
    expect(errorOf(() => parseTemplate('{{#each borrower}}{{/each}}')).code).toBe('TEMPLATE_NOT_A_LIST')
    expect(errorOf(() => parseTemplate('a\nb {{borrower.name')).details).toEqual({ line: 2 })
  })
  it('a loop item field is unknown outside its loop', () => {
    expect(errorOf(() => parseTemplate('{{contractNo}}')).code).toBe('TEMPLATE_UNKNOWN_FIELD')
    expect(() => parseTemplate('{{#each loans}}{{contractNo}}{{/each}}')).not.toThrow()
  })
  it('line numbers in a template file count the front matter', () => {
    const e = errorOf(() => parseTemplateFile('---\nid: x\nversion: 1\ntitle: T\n---\n# T\n{{lender.nope}}'))
    expect(e.details).toEqual({ line: 7 })
  })
  it('letters cannot name a guarantor: only the borrower may be addressed', () => {
    const body = '{{#each guarantors}}{{name}}{{/each}}'
    expect(errorOf(() => compileTemplateFor('demand-letter', { id: 'u1', version: 1, title: 't', body })).code).toBe('TEMPLATE_UNKNOWN_FIELD')
    expect(() => compileTemplateFor('complaint', { id: 'u1', version: 1, title: 't', body })).not.toThrow()
  })
})

describe('fillTemplate', () => {
  it('fills values, filters, conditionals and loops', () => {
    const r = fill('{{borrower.name}}欠{{claim.total|yuan}}元（{{claim.total|upper}}）\n{{#if guarantors}}有保证人{{else}}无保证人{{/if}}\n{{#each claim.lines}}\n{{@number}}.{{kind}}{{amount}}\n{{/each}}', sampleContext())
    expect(r.text).toBe('张伟欠9,492.66元（玖仟肆佰玖拾贰元陆角陆分）\n无保证人\n1.期内利息612.35\n2.逾期利息356.91\n')
    expect(r.missing).toEqual([])
  })
  it('missing data prints a visible blank and is reported by path', () => {
    const ctx = sampleContext()
    delete ctx.borrower!.phone
    ctx.loans![0].contractNo = ''
    const r = fill('电话：{{borrower.phone}}\n{{#each loans}}合同{{contractNo}}{{/each}}\n{{borrower.birthDate|date}}', { ...ctx, borrower: { ...ctx.borrower, birthDate: '1990-13-01' } })
    expect(r.text).toBe(`电话：${BLANK}\n合同${BLANK}\n${BLANK}`)
    expect(r.missing).toEqual(['borrower.phone', 'loans[0].contractNo', 'borrower.birthDate'])
  })
  it('data cannot inject markup: a name with | ** or # stays plain text', () => {
    const ctx = { ...sampleContext(), borrower: { name: '# **王|五**' } }
    const filled = fillTemplate(parseTemplate('| 借款人 | {{borrower.name}} |\n{{borrower.name}}'), ctx)
    const { blocks } = markupToBlocks(filled.text)
    expect(blocks[0]).toMatchObject({ kind: 'table', rows: [[[{ text: '借款人' }], [{ text: '# **王|五**' }]]] })
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', runs: [{ text: '# **王|五**' }] })
  })
})

describe('markup → model', () => {
  it('numbers headings, reads tables with header rows and weights, signatures and date lines', () => {
    const { blocks, header } = markupToBlocks('@header 案号X\n# 标题\n## 甲\n### 子\n## 乙\n##* 说明\n| A | B |\n|:-1-:|-3-|\n| 1 | **粗** |\n@seal 出借人：某公司\n@sign 借款人：张三\n@date 2024年7月1日')
    expect(header).toBe('案号X')
    expect(blocks.map((b) => b.kind)).toEqual(['title', 'heading', 'heading', 'heading', 'heading', 'table', 'signature', 'dateLine'])
    expect(blocks.slice(1, 5).map((b) => (b.kind === 'heading' ? b.number + b.text : ''))).toEqual(['一、甲', '（一）子', '二、乙', '说明'])
    expect(blocks[5]).toEqual({ kind: 'table', headerRows: 1, columns: [{ weight: 1, align: 'center' }, { weight: 3, align: 'left' }], rows: [[[{ text: 'A' }], [{ text: 'B' }]], [[{ text: '1' }], [{ text: '粗', bold: true }]]] })
    expect(blocks[6]).toEqual({ kind: 'signature', lines: [{ label: '出借人：', name: '某公司', seal: true }, { label: '借款人：', name: '张三', seal: false }] })
  })
  it('a case with missing data still builds every built-in document and lists the gaps', () => {
    const ctx = sampleContext()
    delete ctx.borrower!.idNumber
    delete ctx.payee
    const { missing } = buildDocumentModel('lawyer-letter', ctx)
    expect(missing).toEqual(['borrower.idNumber', 'payee.accountName', 'payee.bank', 'payee.accountNo'])
  })
})
