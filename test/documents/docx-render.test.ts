import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildDocumentModel } from '../../electron/core/documents/generate'
import { renderDocx, renderWithPacker } from '../../electron/core/documents/render-docx'
import { DOCUMENT_TYPES } from '../../electron/core/documents/templates'
import { sampleContext } from './fixtures'

/**
 * The fast DOCX path (constant parts made once, body formatted alone, native zip) must write exactly the
 * package docx's Packer writes for the same model: same parts, same order, same bytes in every part.
 */
function parts(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)])
}

describe('DOCX rendering from a cached skeleton', () => {
  it.each(DOCUMENT_TYPES.map((t) => [t]))('%s: every part equals what Packer writes', async (type) => {
    // A first document warms the skeleton with other text; the second must not carry any of it.
    const first = sampleContext()
    await renderDocx(buildDocumentModel(type, first).model)
    const ctx = sampleContext()
    ctx.borrower!.name = '欧阳&<娜>'
    ctx.case!.caseNo = 'CD-2026-0002'
    const { model } = buildDocumentModel(type, ctx)
    const fast = parts(await renderDocx(model))
    expect(fast).toEqual(parts(await renderWithPacker(model)))
    const xml = fast.find(([n]) => n === 'word/document.xml')![1]
    if (type === 'service-address') expect(xml).toContain('CD-2026-0002') // addressed to the lender's side, not the borrower
    else expect(xml).toContain('欧阳&amp;&lt;娜&gt;')
    expect(xml).not.toContain('张伟')
  })

  it('a running header carries each document its own text', async () => {
    const a = buildDocumentModel('complaint', sampleContext()).model
    const b = { ...a, header: '案号 (2026) 粤0106民初 & 1号' }
    const header = (m: typeof a) => renderDocx(m).then((bytes) => parts(bytes).find(([n]) => n.startsWith('word/header'))?.[1] ?? '')
    expect(await header(b)).toContain('案号 (2026) 粤0106民初 &amp; 1号')
    expect(parts(await renderDocx(b))).toEqual(parts(await renderWithPacker(b)))
  })
})
