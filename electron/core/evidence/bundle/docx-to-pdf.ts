import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../../errors'
import { sha256Hex, writeFileAtomic } from '../../files/content-store'

/**
 * DOCX exhibits go into a bundle as PDF. Our documents pipeline renders its own model, not arbitrary Word
 * files, so the conversion is LibreOffice's (`soffice --headless --convert-to pdf`, ~1.6 s a file), found on
 * PATH or named by CASEDESK_SOFFICE. Results are cached by the DOCX's SHA-256. Without LibreOffice the
 * bundle is refused with a message that says what to do.
 */
function findSoffice(): string | null {
  if (process.env.CASEDESK_SOFFICE) return existsSync(process.env.CASEDESK_SOFFICE) ? process.env.CASEDESK_SOFFICE : null
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return null
}

export function docxToPdf(bytes: Uint8Array, label: string, name: string, cacheDir: string): Uint8Array {
  const cached = join(cacheDir, `${sha256Hex(bytes)}.pdf`)
  if (existsSync(cached)) return readFileSync(cached)
  const soffice = findSoffice()
  const refuse = (why: string, whyEn: string) => new UserError('EVIDENCE_DOCX_NOT_CONVERTIBLE', `证据${label}“${name}”是 Word 文档，${why}；请另存为 PDF 后替换该证据`, `Exhibit ${label} "${name}" is a Word document and ${whyEn}; save it as PDF and replace the exhibit`)
  if (!soffice) throw refuse('本机未安装 LibreOffice，无法转换', 'LibreOffice is not installed to convert it')
  const work = mkdtempSync(join(tmpdir(), 'casedesk-docx-'))
  try {
    writeFileSync(join(work, 'exhibit.docx'), bytes)
    // A profile of its own: two conversions at once (two workers) must not share one LibreOffice profile.
    const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', work, join(work, 'exhibit.docx')], { timeout: 120_000, stdio: 'ignore' })
    const out = join(work, 'exhibit.pdf')
    if (r.status !== 0 || !existsSync(out)) throw refuse('转换为 PDF 失败', 'could not be converted to PDF')
    const pdf = readFileSync(out)
    writeFileAtomic(cached, pdf)
    return pdf
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
