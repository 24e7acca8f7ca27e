import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { id as idSchema } from '../../shared/domain/fields'
import { fail, ok, type Result } from '../../shared/ipc/result'

/**
 * "Open in the system viewer" and "print the PDF" for a stored document, behind the shell's two channels.
 * Kept free of Electron imports so it runs (and is tested) under plain Node: the shell passes in its
 * `shell.openPath` and a PDF printer. The content store names files by hash, so the document is first
 * written under its own name (`{caseNo}-{type}.pdf`) in a folder of the app's temp directory — the
 * viewer then shows the right title and picks the right application by the extension.
 */
export interface DocumentViewerDeps {
  /** The stored document (core.services.documents.get). */
  getDocument(id: string): Promise<{ record: { id: string; fileName: string; format: string }; bytes: Uint8Array }>
  /** Electron's `shell.openPath`: resolves to '' on success, else an error message. */
  openPath(path: string): Promise<string>
  /** Prints a PDF file (the shell loads it in a hidden window); false when the user cancelled or it failed. */
  printPdf(path: string): Promise<boolean>
  /** Where opened copies go (Electron's temp folder). */
  tempDir: string
}

const badId = fail({ code: 'VALIDATION', message: '文书编号无效', messageEn: 'Invalid document id', field: 'id' })
const asError = (e: unknown) => {
  const err = e as { code?: string; message?: string; messageEn?: string }
  return fail({ code: err.code ?? 'SHELL_FAILED', message: err.message ?? String(e), messageEn: err.messageEn ?? err.message ?? String(e) })
}

export function documentViewer(deps: DocumentViewerDeps) {
  /** Writes the document under its own name and returns the path. */
  async function copyOut(id: string): Promise<{ path: string; format: string }> {
    const { record, bytes } = await deps.getDocument(id)
    const dir = join(deps.tempDir, 'casedesk-documents', basename(record.id))
    mkdirSync(dir, { recursive: true })
    const path = join(dir, basename(record.fileName))
    writeFileSync(path, bytes)
    return { path, format: record.format }
  }

  return {
    /** Opens the document (PDF or DOCX) in the system's application for it. */
    async open(input: unknown): Promise<Result<{ path: string }>> {
      const id = idSchema.safeParse(input)
      if (!id.success) return badId
      try {
        const { path } = await copyOut(id.data)
        const problem = await deps.openPath(path)
        if (problem) return fail({ code: 'OPEN_FAILED', message: `无法用系统程序打开 ${basename(path)}：${problem}`, messageEn: `Cannot open ${basename(path)} with the system viewer: ${problem}` })
        return ok({ path })
      } catch (e) {
        return asError(e)
      }
    },

    /** Prints the PDF itself (not the app window) through the system print dialog. */
    async print(input: unknown): Promise<Result<{ printed: boolean }>> {
      const id = idSchema.safeParse(input)
      if (!id.success) return badId
      try {
        const { path, format } = await copyOut(id.data)
        if (format !== 'pdf') return fail({ code: 'PRINT_NEEDS_PDF', message: '只能直接打印 PDF 文书；DOCX 请用“打开”在文字处理软件中打印', messageEn: 'Only PDF documents print directly; open a DOCX in a word processor to print it' })
        return ok({ printed: await deps.printPdf(path) })
      } catch (e) {
        return asError(e)
      }
    },
  }
}
