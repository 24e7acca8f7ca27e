import { readFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentViewer, type DocumentViewerDeps } from '../../../electron/main/document-viewer'
import { tempDir } from '../../helpers/temp'

/**
 * The shell's "open in the system viewer" and "print the PDF" handlers, with a fake `shell.openPath` and a
 * fake printer: the stored bytes are written under the document's own name, and that file is what the
 * system viewer or the printer gets.
 */
const PDF = new TextEncoder().encode('%PDF-1.7 letter')
const stored: Record<string, { record: { id: string; fileName: string; format: string }; bytes: Uint8Array }> = {
  d1: { record: { id: 'd1', fileName: 'AJ-2026-000001-demand-letter.pdf', format: 'pdf' }, bytes: PDF },
  d2: { record: { id: 'd2', fileName: 'AJ-2026-000001-complaint.docx', format: 'docx' }, bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
}

function fakes(openResult = '') {
  const opened: string[] = []
  const printed: string[] = []
  const deps: DocumentViewerDeps = {
    async getDocument(id) {
      const d = stored[id]
      if (!d) throw Object.assign(new Error('找不到文书 ' + id), { code: 'NOT_FOUND', messageEn: `Document ${id} not found` })
      return d
    },
    openPath: async (path) => (opened.push(path), openResult),
    printPdf: async (path) => (printed.push(path), true),
    tempDir: tempDir(),
  }
  return { viewer: documentViewer(deps), opened, printed, deps }
}

describe('document viewer (shell)', () => {
  it('opens a PDF: the stored bytes under the document name go to shell.openPath', async () => {
    const { viewer, opened, deps } = fakes()
    const r = await viewer.open('d1')
    expect(r).toEqual({ ok: true, data: { path: opened[0] } })
    expect(basename(opened[0])).toBe('AJ-2026-000001-demand-letter.pdf')
    expect(dirname(opened[0]).startsWith(deps.tempDir)).toBe(true)
    expect(Buffer.from(readFileSync(opened[0])).equals(Buffer.from(PDF))).toBe(true)
  })

  it('opens a DOCX too, and reports what the system could not open', async () => {
    const { viewer, opened } = fakes('No application is associated with the file')
    const r = await viewer.open('d2')
    expect(basename(opened[0])).toBe('AJ-2026-000001-complaint.docx')
    expect(r).toMatchObject({ ok: false, error: { code: 'OPEN_FAILED', messageEn: expect.stringContaining('No application is associated') } })
  })

  it('prints the PDF file itself; a DOCX, a bad id or an unknown document is refused with a message', async () => {
    const { viewer, printed, opened } = fakes()
    expect(await viewer.print('d1')).toEqual({ ok: true, data: { printed: true } })
    expect(basename(printed[0])).toBe('AJ-2026-000001-demand-letter.pdf')
    expect(await viewer.print('d2')).toMatchObject({ ok: false, error: { code: 'PRINT_NEEDS_PDF' } })
    expect(await viewer.print(42)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'id' } })
    expect(await viewer.open('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到文书 nope' } })
    expect(printed).toHaveLength(1)
    expect(opened).toHaveLength(0)
  })
})
