import type { PDFDocument } from 'pdf-lib'
import { unzipSync } from 'fflate'
import type { EvidenceMime } from '../../../shared/domain/evidence'
import { UserError } from '../errors'

/**
 * What an incoming exhibit file really is, judged from its bytes (never from its extension): PDF, JPEG,
 * PNG or DOCX. Each refusal names the file and says what to do, in Chinese and English.
 */
export interface InspectedFile {
  mime: EvidenceMime
  /** Pages of a PDF (1 for an image); null for a DOCX until it is converted. */
  pages: number | null
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const fail = (code: string, file: string, zh: string, en: string) => new UserError(code, `${file}：${zh}`, `${file}: ${en}`, { field: 'files', details: { file } })

/**
 * A file name as given by the user or the file system: one plain name, no folders, no control characters.
 * Such a name later becomes a ZIP entry, so a "../" must never get that far.
 */
export function checkFileName(name: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = name.length === 0 || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name) || /[/\\]/.test(name) || name === '.' || name === '..'
  if (bad) {
    throw new UserError('EVIDENCE_BAD_FILE_NAME', `文件名不可用：“${printable(name)}”（不得为空、含路径分隔符“/”“\\”、“..”或控制字符，且不超过 255 个字符）`,
      `Unusable file name "${printable(name)}" (it must not be empty, contain "/", "\\", "..", or control characters, or exceed 255 characters)`, { field: 'fileName', details: { file: printable(name) } })
  }
}

/** The name with control characters shown as \xNN, so a message never carries them. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).slice(0, 120)
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v)
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to))

/** Image formats people send that a court bundle cannot hold as they are. */
function unsupportedImage(b: Uint8Array): string | null {
  if (ascii(b, 0, 4) === 'GIF8') return 'GIF'
  if (ascii(b, 0, 2) === 'BM') return 'BMP'
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'WebP'
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF'
  if (ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|mif1|msf1|avif|hevc)/.test(ascii(b, 8, 12))) return 'HEIC/AVIF'
  return null
}

/** Checks the bytes and returns the type and page count; throws a UserError naming `file` otherwise. */
export async function inspectFile(file: string, b: Uint8Array): Promise<InspectedFile> {
  if (b.length === 0) throw fail('EVIDENCE_EMPTY_FILE', file, '文件为空（0 字节）', 'the file is empty (0 bytes)')
  if (ascii(b, 0, Math.min(b.length, 1024)).includes('%PDF-')) return { mime: 'application/pdf', pages: await pdfPages(file, b) }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return checkJpeg(file, b)
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return checkPng(file, b)
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return checkDocx(file, b)
  const image = unsupportedImage(b)
  if (image) throw fail('EVIDENCE_UNSUPPORTED_IMAGE', file, `不支持 ${image} 格式的图片，请转为 JPEG 或 PNG 后再添加`, `${image} images are not supported; convert it to JPEG or PNG first`)
  throw fail('EVIDENCE_UNSUPPORTED_TYPE', file, '只能添加 PDF、JPEG、PNG 或 DOCX 文件', 'only PDF, JPEG, PNG or DOCX files can be added')
}

/** pdf-lib's refusal of an encrypted PDF. By name too: its CJS and ESM builds may both be loaded, each with its own error class. */
export function isEncryptedPdfError(e: unknown): boolean {
  return (e as Error).name === 'EncryptedPDFError' || /is encrypted/.test((e as Error).message)
}

async function pdfPages(file: string, b: Uint8Array): Promise<number> {
  // pdf-lib loads on the first PDF taken in, not at start (the CLI and app start faster without it).
  const { EncryptedPDFError, PDFDocument } = await import('pdf-lib')
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(b, { updateMetadata: false, throwOnInvalidObject: true })
  } catch (e) {
    if (e instanceof EncryptedPDFError || isEncryptedPdfError(e)) throw fail('EVIDENCE_PDF_ENCRYPTED', file, 'PDF 已加密（有密码或权限限制），无法并入证据材料；请先解除加密', 'the PDF is encrypted (password or permissions); remove the encryption first')
    throw fail('EVIDENCE_PDF_CORRUPT', file, `PDF 文件已损坏，无法读取（${(e as Error).message.slice(0, 120)}）`, `the PDF is damaged and cannot be read (${(e as Error).message.slice(0, 120)})`)
  }
  const pages = doc.getPageCount()
  if (pages === 0) throw fail('EVIDENCE_PDF_CORRUPT', file, 'PDF 没有任何页面', 'the PDF has no pages')
  return pages
}

function checkPng(file: string, b: Uint8Array): InspectedFile {
  const corrupt = () => fail('EVIDENCE_IMAGE_CORRUPT', file, 'PNG 图片已损坏或不完整', 'the PNG image is damaged or incomplete')
  if (b.length < 57 || ascii(b, 12, 16) !== 'IHDR') throw corrupt()
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  if (view.getUint32(16) === 0 || view.getUint32(20) === 0) throw corrupt()
  // A PNG ends with the IEND chunk: a file cut short in transfer does not.
  if (ascii(b, b.length - 8, b.length - 4) !== 'IEND') throw corrupt()
  return { mime: 'image/png', pages: 1 }
}

function checkJpeg(file: string, b: Uint8Array): InspectedFile {
  if (!jpegSize(b)) throw fail('EVIDENCE_IMAGE_CORRUPT', file, 'JPEG 图片已损坏或不完整', 'the JPEG image is damaged or incomplete')
  return { mime: 'image/jpeg', pages: 1 }
}

/** A JPEG's stored size (before any EXIF turn) from its frame header; null when the markers are broken or it has none. */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]
    if (marker === 0xff) { i++; continue }
    const len = (b[i + 2] << 8) | b[i + 3]
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the frame header with the image size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[i + 5] << 8) | b[i + 6]
      const width = (b[i + 7] << 8) | b[i + 8]
      return width && height ? { width, height } : null
    }
    if (marker === 0xd9 || marker === 0xda) break
    i += 2 + len
  }
  return null
}

/** A PNG's size from its IHDR chunk; null when there is none. */
export function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') return null
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  return width && height ? { width, height } : null
}

function checkDocx(file: string, b: Uint8Array): InspectedFile {
  const names: string[] = []
  try {
    // Reads only the central directory: the filter declines to inflate any entry.
    unzipSync(b, { filter: (f) => { names.push(f.name); return false } })
  } catch {
    throw fail('EVIDENCE_DOCX_CORRUPT', file, 'DOCX 文件已损坏，无法读取', 'the DOCX file is damaged and cannot be read')
  }
  if (!names.includes('word/document.xml')) throw fail('EVIDENCE_UNSUPPORTED_TYPE', file, '这是压缩包而不是 Word 文档（DOCX）；只能添加 PDF、JPEG、PNG 或 DOCX', 'this is a ZIP archive, not a Word document (DOCX); only PDF, JPEG, PNG or DOCX can be added')
  // Word's own page count in docProps/app.xml is an estimate; the real one is known once it is converted.
  return { mime: DOCX_MIME, pages: null }
}
