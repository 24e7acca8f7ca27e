import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { UserError } from '../../errors'
import { sha256Hex } from '../../files/content-store'
import { isSafeEntryPath } from './zip-names'
import { scanFile, writeZipFile, type ScannedEntry } from './zip-writer'

/**
 * The bundle export: a ZIP holding the bundle PDF, each original file, manifest.json and a SHA256SUMS that
 * `sha256sum -c` accepts, with the bundle PDF also written beside the ZIP. Both files are written to
 * temporary names and renamed only once both are complete, so a failure leaves no half-built file behind.
 * The ZIP is streamed to disk (zip-writer.ts) and originals are copied in from their files: neither the
 * archive nor the originals are ever held whole in memory; only the bundle PDF is.
 */
export const SUMS_NAME = 'SHA256SUMS'
export const MANIFEST_NAME = 'manifest.json'

export interface ZipFile {
  /** Entry path inside the ZIP ("originals/证据1-借款合同.pdf"). */
  entry: string
  /** The file to copy in (an original, from the content store): read in chunks, never whole. */
  path: string
  /** The SHA-256 it must have (taken at intake): a stored file that changed since is refused, not packed. */
  sha256: string
  /** How the refusal names it ("证据3 借款合同"). */
  label: string
  /** Its CRC-32, size and SHA-256 when the caller took them from the bytes it read (else the file is scanned here). */
  scan?: ScannedEntry
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
export async function writeBundleZip(args: {
  zipPath: string
  pdfPath: string
  pdfEntry: string
  pdfBytes: Uint8Array
  originals: ZipFile[]
  manifest(hashes: Record<string, string>): unknown
  mtime: Date
}): Promise<WrittenBundle> {
  const entries = [args.pdfEntry, ...args.originals.map((o) => o.entry)]
  const seen = new Set<string>()
  for (const entry of entries) {
    if (!isSafeEntryPath(entry) || entry === SUMS_NAME || entry === MANIFEST_NAME || seen.has(entry)) throw new Error(`unsafe or duplicate bundle entry: ${entry}`)
    seen.add(entry)
  }
  // Hashed here, not by WebCrypto: crypto.subtle copies its input, and the PDF can be tens of MB.
  const pdfDigest = sha256Hex(args.pdfBytes)
  const scanned: Record<string, ScannedEntry> = {}
  for (const o of args.originals) {
    const scan = o.scan ?? scanFile(o.path)
    if (scan.sha256 !== o.sha256) throw new UserError('EVIDENCE_FILE_CHANGED', `${o.label}的存储文件与入库时不一致（SHA-256 不符），请运行“校验存储文件”`, `The stored file of ${o.label} differs from intake (SHA-256 mismatch); check the stored files`)
    scanned[o.entry] = scan
  }
  const hashes: Record<string, string> = { [args.pdfEntry]: pdfDigest }
  for (const o of args.originals) hashes[o.entry] = scanned[o.entry].sha256
  const manifestBytes = new TextEncoder().encode(JSON.stringify(args.manifest(hashes), null, 2) + '\n')
  const sums = { ...hashes, [MANIFEST_NAME]: sha256Hex(manifestBytes) }
  const sumsBytes = new TextEncoder().encode(sha256SumsText(Object.entries(sums).map(([entry, sha256]) => ({ entry, sha256 }))))
  const suffix = `.tmp-${randomBytes(6).toString('hex')}`
  const tmpZip = args.zipPath + suffix
  const tmpPdf = args.pdfPath + suffix
  try {
    mkdirSync(dirname(args.zipPath), { recursive: true })
    mkdirSync(dirname(args.pdfPath), { recursive: true })
    writeFileSync(tmpPdf, args.pdfBytes)
    const zipSha256 = writeZipFile(tmpZip, [
      { name: args.pdfEntry, bytes: args.pdfBytes },
      ...args.originals.map((o) => ({ name: o.entry, path: o.path })),
      { name: MANIFEST_NAME, bytes: manifestBytes, deflate: true },
      { name: SUMS_NAME, bytes: sumsBytes, deflate: true },
    ], args.mtime, scanned)
    renameSync(tmpPdf, args.pdfPath)
    renameSync(tmpZip, args.zipPath)
    return { zipSha256, pdfSha256: hashes[args.pdfEntry], sums }
  } catch (e) {
    rmSync(tmpZip, { force: true })
    rmSync(tmpPdf, { force: true })
    throw e
  }
}
