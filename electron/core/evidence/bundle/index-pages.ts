import type { DocumentContext } from '../../documents/context'
import { buildDocumentModel } from '../../documents/generate'
import { renderPdf } from '../../documents/render-pdf/index'
import { textWidthEm } from '../../documents/render-pdf/fonts'
import { layoutDocument } from '../../documents/render-pdf/layout'
import type { TemplateSource } from '../../documents/templates'

/**
 * The front of a bundle — a cover and the 证据目录 — rendered by the documents engine from a template of the
 * `evidence-list` type. It differs from the stand-alone 证据目录 only in the cover and a wider 页码 column
 * (bundle ranges like "123-145" must not wrap), and in printing no "第 X 页 共 Y 页": the bundle's own
 * stamp numbers every page.
 */
export const BUNDLE_INDEX_TEMPLATE: TemplateSource = {
  id: 'builtin-evidence-bundle-index',
  version: 1,
  title: '证据材料',
  pageNumbers: false,
  body: `@space 5
# 证 据 材 料
@space 2
@center 案号：{{case.caseNo}}
@center 案由：{{#if lender.licensed}}金融借款合同纠纷{{else}}民间借贷纠纷{{/if}}
@center 原告：{{lender.name}}
@center 被告：{{borrower.name}}
@center 受诉法院：{{case.court}}
@space 5
@center 提交日期：{{generatedOn|date}}
@pagebreak
# 证据目录
@left 案号：{{case.caseNo}}
@left 提交人：{{lender.name}}（原告）
| 序号 | 证据名称 | 证据来源 | 证明目的 | 页码 | 原件/复印件 |
|:-5-:|-12-|-10-|-15-|:-9-:|:-13-:|
{{#each evidence}}
| {{no}} | {{name}} | {{source}} | {{purpose}} | {{pages}} | {{original}} |
{{/each}}
以上证据依照《最高人民法院关于民事诉讼证据的若干规定》第十九条逐一分类编号。
@seal 提交人：{{lender.name}}
@date 提交日期：{{generatedOn|date}}
`,
}

/** Where an exhibit's row sits in the index, for the link to its first page. */
export interface IndexRowAnchor {
  label: string
  /** 0-based page of the index PDF. */
  page: number
  /** Baseline of the row's first line and the table's left/right edges, in PDF points. */
  y: number
  x1: number
  x2: number
  size: number
}

export interface IndexPages {
  bytes: Uint8Array
  pages: number
  anchors: IndexRowAnchor[]
  missing: string[]
}

/** One row of the 证据目录 as printed. */
export interface IndexRow {
  label: string
  name: string
  source: string
  purpose: string
  pages: string
  original: string
}

/** The cover and index as a document model, the 序号 cells holding the labels ("1-2") as text. */
function indexModel(context: DocumentContext, rows: IndexRow[]) {
  const ctx: DocumentContext = { ...context, evidence: rows.map((r) => ({ no: undefined, name: r.name, source: r.source, purpose: r.purpose, pages: r.pages, original: r.original })) }
  const built = buildDocumentModel('evidence-list', ctx, BUNDLE_INDEX_TEMPLATE)
  let r = 0
  for (const b of built.model.blocks) {
    if (b.kind !== 'table') continue
    for (const row of b.rows.slice(b.headerRows)) {
      if (r < rows.length) row[0] = [{ text: rows[r++].label }]
    }
  }
  return built
}

/** How many pages the cover and index take for `rows`: the layout alone, no PDF (to settle the page ranges). */
export function layoutIndexPages(context: DocumentContext, rows: IndexRow[]): number {
  return layoutDocument(indexModel(context, rows).model, textWidthEm).length
}

/**
 * Renders the cover and index for `rows`. The row positions come from the same layout the renderer
 * draws, found by the 序号 cell text within the 序号 column.
 */
export async function renderIndexPages(context: DocumentContext, rows: IndexRow[]): Promise<IndexPages> {
  const built = indexModel(context, rows)
  const model = built.model
  const layout = layoutDocument(model, textWidthEm)
  const anchors: IndexRowAnchor[] = []
  const wanted = new Set(rows.map((x) => x.label))
  layout.forEach((page, pi) => {
    const texts = page.ops.filter((o) => o.kind === 'text')
    const head = texts.find((o) => o.text === '序号')
    if (!head) return
    // The table's column edges are its vertical rules; the 序号 column is the first.
    const edges = [...new Set(page.ops.filter((o) => o.kind === 'rule' && o.x1 === o.x2).map((o) => (o.kind === 'rule' ? o.x1 : 0)))].sort((a, b) => a - b)
    if (edges.length < 2) return
    for (const o of texts) {
      if (o.y < head.y && o.x >= edges[0] && o.x < edges[1] && wanted.has(o.text) && !anchors.some((a) => a.label === o.text)) {
        anchors.push({ label: o.text, page: pi, y: o.y, x1: edges[0], x2: edges.at(-1)!, size: o.size })
      }
    }
  })
  const bytes = await renderPdf(model)
  return { bytes, pages: layout.length, anchors, missing: built.missing.filter((m) => !m.endsWith('.no')) }
}
