import { zipSync, type Zippable } from 'fflate'
import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { sha256Hex } from '../../files/content-store'
import { isSafeEntryPath } from './zip-names'

/**
 * The bundle export: a ZIP holding the bundle PDF, each original file, manifest.json and a SHA256SUMS that
 * `sha256sum -c` accepts, with the bundle PDF also written beside the ZIP. Both files are written to
 * temporary names and renamed only once both are complete, so a failure leaves no half-built file behind.
 */
export const SUMS_NAME = 'SHA256SUMS'
export const MANIFEST_NAME = 'manifest.json'

export interface ZipFile {
  /** Entry path inside the ZIP ("originals/证据1-借款合同.pdf"). */
  entry: string
  bytes: Uint8Array
}

export interface WrittenBundle {
  zipSha256: string
  pdfSha256: string
  /** entry → SHA-256 of every file listed in SHA256SUMS. */
  sums: Record<string, string>
}

/** `sha256sum` text-mode lines ("<hash>  <name>"), in the order given. */
export function sha256SumsText(files: { entry: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.entry}\n`).join('')
}

/**
 * Writes `<zipPath>` and `<pdfPath>`. `manifest` gets the hashes of the PDF and originals and returns the
 * manifest object; the manifest itself is then hashed into SHA256SUMS too.
 */
export function writeBundleZip(args: {
  zipPath: string
  pdfPath: string
  pdfEntry: string
  pdfBytes: Uint8Array
  originals: ZipFile[]
  manifest(hashes: Record<string, string>): unknown
  mtime: Date
}): WrittenBundle {
  const files: ZipFile[] = [{ entry: args.pdfEntry, bytes: args.pdfBytes }, ...args.originals]
  const hashes: Record<string, string> = {}
  for (const f of files) {
    if (!isSafeEntryPath(f.entry) || f.entry === SUMS_NAME || f.entry === MANIFEST_NAME || hashes[f.entry]) throw new Error(`unsafe or duplicate bundle entry: ${f.entry}`)
    hashes[f.entry] = sha256Hex(f.bytes)
  }
  const manifestBytes = new TextEncoder().encode(JSON.stringify(args.manifest(hashes), null, 2) + '\n')
  const sums = { ...hashes, [MANIFEST_NAME]: sha256Hex(manifestBytes) }
  const sumsBytes = new TextEncoder().encode(sha256SumsText(Object.entries(sums).map(([entry, sha256]) => ({ entry, sha256 }))))
  const zippable: Zippable = {}
  // Made on "Unix" (os 3) with rw-r--r--: Info-ZIP's unzip then honours the UTF-8 name flag (for a "DOS"
  // archive it re-decodes Chinese names from a code page and garbles them). PDFs and images are compressed
  // already: store them (level 0) and keep the export fast.
  const entry = (level: 0 | 6) => ({ level, mtime: args.mtime, os: 3, attrs: 0o100644 << 16 })
  for (const f of files) zippable[f.entry] = [f.bytes, entry(0)]
  zippable[MANIFEST_NAME] = [manifestBytes, entry(6)]
  zippable[SUMS_NAME] = [sumsBytes, entry(6)]
  const zip = zipSync(zippable)
  const suffix = `.tmp-${randomBytes(6).toString('hex')}`
  const tmpZip = args.zipPath + suffix
  const tmpPdf = args.pdfPath + suffix
  try {
    mkdirSync(dirname(args.zipPath), { recursive: true })
    mkdirSync(dirname(args.pdfPath), { recursive: true })
    writeFileSync(tmpPdf, args.pdfBytes)
    writeFileSync(tmpZip, zip)
    renameSync(tmpPdf, args.pdfPath)
    renameSync(tmpZip, args.zipPath)
  } catch (e) {
    rmSync(tmpZip, { force: true })
    rmSync(tmpPdf, { force: true })
    throw e
  }
  return { zipSha256: sha256Hex(zip), pdfSha256: hashes[args.pdfEntry], sums }
}
