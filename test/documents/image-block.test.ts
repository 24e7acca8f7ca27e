import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, expect, it } from 'vitest'
import { COURT_MARGINS_MM, type DocumentModel } from '../../electron/core/documents/model'
import { renderDocx } from '../../electron/core/documents/render-docx'
import { renderPdf } from '../../electron/core/documents/render-pdf/index'
import { chartPng } from '../../electron/core/reports/chart-image'

/**
 * The model's image block (the client report's charts) in both renderers, read back with unzip-level XML
 * and poppler's pdfimages: the same picture, at the size the model asks for, after the text before it.
 */
const work = mkdtempSync(join(tmpdir(), 'casedesk-image-'))
let model: DocumentModel
let png: Uint8Array

beforeAll(async () => {
  png = await chartPng({ xAxis: { type: 'category', data: ['M1', 'M2'] }, yAxis: { type: 'value', name: '户数' }, series: [{ type: 'bar', data: [3, 5] }] })
  model = {
    meta: { title: '图片测试', date: '2026-11-28' },
    margins: COURT_MARGINS_MM,
    pageNumbers: false,
    blocks: [
      { kind: 'paragraph', runs: [{ text: '图前的段落。' }], align: 'left', indent: false },
      { kind: 'image', png, widthMm: 150, heightMm: 70, alt: '账龄图' },
      { kind: 'paragraph', runs: [{ text: '图后的段落。' }], align: 'left', indent: false },
    ],
  }
}, 60_000)

it('DOCX: one PNG in word/media, drawn between the paragraphs at 150 × 70 mm with its alt text', async () => {
  const files = unzipSync(await renderDocx(model))
  const media = Object.keys(files).filter((n) => n.startsWith('word/media/'))
  expect(media).toHaveLength(1)
  expect(Buffer.from(files[media[0]])).toEqual(Buffer.from(png))
  const xml = strFromU8(files['word/document.xml'])
  const at = xml.indexOf('descr="账龄图"')
  expect(xml.indexOf('图前的段落')).toBeLessThan(at)
  expect(at).toBeLessThan(xml.indexOf('图后的段落'))
  const [, cx, cy] = xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!
  expect([Math.round(Number(cx) / 36_000), Math.round(Number(cy) / 36_000)]).toEqual([150, 70])
})

it('PDF: pdfimages lists the picture once, at its pixel size, and the text around it stays extractable', async () => {
  const file = join(work, 'image.pdf')
  writeFileSync(file, await renderPdf(model))
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
  expect(list).toHaveLength(1)
  const [page, , type, width, height] = list[0].trim().split(/\s+/)
  expect([page, type, width, height]).toEqual(['1', 'image', '1440', '680'])
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toMatch(/图前的段落。[\s\S]*图后的段落。/)
})
