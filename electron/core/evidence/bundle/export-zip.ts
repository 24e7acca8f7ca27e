import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { sha256Hex } from '../../files/content-store'
import { isSafeEntryPath } from './zip-names'
import { writeZipFile } from './zip-writer'

/**
 * The bundle export: a ZIP holding the bundle PDF, each original file, manifest.json and a SHA256SUMS that
 * `sha256sum -c` accepts, with the bundle PDF also written beside the ZIP. Both files are written to
 * temporary names and renamed only once both are complete, so a failure leaves no half-built file behind.
 * The ZIP is streamed to disk (zip-writer.ts), never held whole in memory.
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

/** SHA-256 off the main thread (WebCrypto runs in libuv's pool), so the files of a bundle hash in parallel. */
async function sha256Async(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex')
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
  const files: ZipFile[] = [{ entry: args.pdfEntry, bytes: args.pdfBytes }, ...args.originals]
  const seen = new Set<string>()
  for (const f of files) {
    if (!isSafeEntryPath(f.entry) || f.entry === SUMS_NAME || f.entry === MANIFEST_NAME || seen.has(f.entry)) throw new Error(`unsafe or duplicate bundle entry: ${f.entry}`)
    seen.add(f.entry)
  }
  const digests = await Promise.all(files.map((f) => sha256Async(f.bytes)))
  const hashes: Record<string, string> = Object.fromEntries(files.map((f, i) => [f.entry, digests[i]]))
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
      ...files.map((f) => ({ name: f.entry, bytes: f.bytes })),
      { name: MANIFEST_NAME, bytes: manifestBytes, deflate: true },
      { name: SUMS_NAME, bytes: sumsBytes, deflate: true },
    ], args.mtime)
    renameSync(tmpPdf, args.pdfPath)
    renameSync(tmpZip, args.zipPath)
    return { zipSha256, pdfSha256: hashes[args.pdfEntry], sums }
  } catch (e) {
    rmSync(tmpZip, { force: true })
    rmSync(tmpPdf, { force: true })
    throw e
  }
}
