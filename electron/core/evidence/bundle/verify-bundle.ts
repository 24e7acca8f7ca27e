import { unzipSync } from 'fflate'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { IntegrityProblem, IntegrityReport } from '../../../../shared/domain/evidence'
import { UserError } from '../../errors'
import { sha256Hex } from '../../files/content-store'
import { MANIFEST_NAME, SUMS_NAME } from './export-zip'
import { isSafeEntryPath } from './zip-names'

/**
 * Re-checks a received bundle — the ZIP, or the folder it was unpacked into — without trusting anything in
 * it: every file listed in SHA256SUMS is re-hashed, files missing or not listed are reported, unsafe entry
 * names are reported (and never read), and manifest.json must agree with SHA256SUMS.
 */
const MAX_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024 - 1

interface ManifestShape {
  bundle?: { file?: string; sha256?: string; size?: number }
  exhibits?: { file?: string; sha256?: string; size?: number }[]
}

/** Reads a ZIP file or a folder into entry → bytes (unsafe names are listed apart and not unpacked). */
function readEntries(path: string): { files: Map<string, Uint8Array>; unsafe: string[] } {
  let st
  try {
    st = statSync(path)
  } catch {
    throw new UserError('BUNDLE_NOT_FOUND', `找不到证据包：${path}`, `Bundle not found: ${path}`, { field: 'file' })
  }
  const files = new Map<string, Uint8Array>()
  const unsafe: string[] = []
  if (st.isDirectory()) {
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, e.name)
        if (e.isDirectory()) walk(full)
        else if (e.isFile()) files.set(relative(path, full).split(sep).join('/'), readFileSync(full))
      }
    }
    walk(path)
    return { files, unsafe }
  }
  if (st.size > MAX_BUNDLE_BYTES) throw new UserError('BUNDLE_TOO_LARGE', '证据包超过 2 GB，无法校验', 'The bundle is larger than 2 GB and cannot be checked', { field: 'file' })
  let raw: Record<string, Uint8Array>
  try {
    raw = unzipSync(readFileSync(path), {
      filter: (f) => {
        if (f.name.endsWith('/')) return false
        if (isSafeEntryPath(f.name)) return true
        unsafe.push(f.name)
        return false
      },
    })
  } catch (e) {
    throw new UserError('BUNDLE_NOT_ZIP', `证据包不是有效的 ZIP 文件：${(e as Error).message}`, `The bundle is not a valid ZIP file: ${(e as Error).message}`, { field: 'file' })
  }
  for (const [name, bytes] of Object.entries(raw)) files.set(name, bytes)
  return { files, unsafe }
}

/** Parses SHA256SUMS ("<hash>  <name>" or "<hash> *<name>"); a malformed line is itself a problem. */
function parseSums(text: string, problems: IntegrityProblem[]): Map<string, string> {
  const sums = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line)
    if (!m) problems.push({ file: SUMS_NAME, expected: 'sha256  name', actual: line.slice(0, 200), code: 'unreadable' })
    else sums.set(m[2], m[1].toLowerCase())
  }
  return sums
}

export function verifyBundle(path: string): IntegrityReport {
  const { files, unsafe } = readEntries(path)
  const problems: IntegrityProblem[] = unsafe.map((name) => ({ file: name, expected: null, actual: null, code: 'unsafe_name' as const }))
  const sumsBytes = files.get(SUMS_NAME)
  if (!sumsBytes) {
    problems.push({ file: SUMS_NAME, expected: null, actual: null, code: 'missing' })
    return { ok: false, problems, checked: 0 }
  }
  const sums = parseSums(new TextDecoder().decode(sumsBytes), problems)
  let checked = 0
  for (const [name, expected] of sums) {
    const bytes = files.get(name)
    if (!bytes) {
      problems.push({ file: name, expected, actual: null, code: 'missing' })
      continue
    }
    checked++
    const actual = sha256Hex(bytes)
    if (actual !== expected) problems.push({ file: name, expected, actual, code: 'hash_mismatch' })
  }
  for (const name of files.keys()) {
    if (name !== SUMS_NAME && !sums.has(name)) problems.push({ file: name, expected: null, actual: sha256Hex(files.get(name)!), code: 'extra' })
  }
  const manifestBytes = files.get(MANIFEST_NAME)
  if (!manifestBytes) {
    if (!sums.has(MANIFEST_NAME)) problems.push({ file: MANIFEST_NAME, expected: null, actual: null, code: 'missing' })
  } else {
    let manifest: ManifestShape | null = null
    try {
      manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as ManifestShape
    } catch {
      problems.push({ file: MANIFEST_NAME, expected: 'JSON', actual: null, code: 'unreadable' })
    }
    const listed = manifest ? [manifest.bundle, ...(manifest.exhibits ?? [])] : []
    for (const f of listed) {
      if (!f?.file) continue
      if (sums.get(f.file) !== f.sha256) problems.push({ file: f.file, expected: f.sha256 ?? null, actual: sums.get(f.file) ?? null, code: 'manifest_mismatch' })
      const bytes = files.get(f.file)
      if (bytes && typeof f.size === 'number' && bytes.length !== f.size) problems.push({ file: f.file, expected: String(f.size), actual: String(bytes.length), code: 'size_mismatch' })
    }
  }
  return { ok: problems.length === 0, problems, checked }
}
