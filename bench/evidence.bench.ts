import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { preloadFont } from '../electron/core/documents/render-pdf/fonts'
import { sha256File } from '../electron/core/files/content-store'
import { openCore } from '../electron/core/services'
import { makeEvidenceCase } from '../test/helpers/evidence-case'
import { makePng } from '../test/helpers/evidence-files'
import { summarize } from './stats'
import type { BenchResult } from './types'

/**
 * Evidence (issue 5): a bundle of 50 exhibits totalling 500 pages — 35 "scanned" PDFs (a page image plus a
 * text line on each page, 13–14 pages each) and 15 images (8 PNG screenshots 1080×1920, 7 JPEG photos) —
 * built as `casedesk bundle` does, in a process of its own (bench/evidence-child.ts): wall and CPU time of
 * the build and the process's peak RSS (target ≤ 3 s, ≤ 400 MB); then `casedesk bundle` itself, whole process. Then intake: `evidence add` of the 50 files (type check, PDF parse, SHA-256,
 * store), and the SHA-256 of the same files (streamed, as intake's hashing) against `sha256sum`, as a ratio.
 */
const RUNS = Number(process.env.EV_RUNS ?? 3)

async function scannedPdf(pages: number, tag: string, scan: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const img = await doc.embedPng(scan)
  for (let i = 1; i <= pages; i++) {
    const p = doc.addPage([595, 842])
    p.drawImage(img, { x: 40, y: 60, width: 515, height: 720 })
    p.drawText(`${tag} page ${i}/${pages}`, { x: 50, y: 30, size: 10, font })
  }
  return doc.save()
}

function jpeg(dir: string, i: number): Uint8Array {
  // A real camera-like JPEG: a rendered page at 100 dpi through poppler.
  const pdf = join(dir, `j${i}.pdf`)
  execFileSync('pdftoppm', ['-jpeg', '-r', '100', '-singlefile', pdf, join(dir, `j${i}`)])
  return new Uint8Array(readFileSync(join(dir, `j${i}.jpg`)))
}

export async function makeFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  const scan = makePng(850, 1200, 7)
  for (let i = 0; i < 35; i++) {
    const f = join(dir, `scan-${String(i).padStart(2, '0')}.pdf`)
    writeFileSync(f, await scannedPdf(i < 30 ? 14 : 13, `SCAN ${i}`, scan))
    files.push(f)
  }
  for (let i = 0; i < 8; i++) {
    const f = join(dir, `shot-${i}.png`)
    writeFileSync(f, makePng(1080, 1920, i))
    files.push(f)
  }
  for (let i = 0; i < 7; i++) {
    writeFileSync(join(dir, `j${i}.pdf`), await scannedPdf(1, `PHOTO ${i}`, makePng(300, 400, 40 + i)))
    const f = join(dir, `photo-${i}.jpg`)
    writeFileSync(f, jpeg(dir, i))
    files.push(f)
  }
  return files
}

export default async function evidenceBench(): Promise<BenchResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'bench-evidence-'))
  try {
    await preloadFont()
    const files = await makeFiles(work)
    const totalBytes = files.reduce((s, f) => s + statSync(f).size, 0)
    const core = await openCore({ dataDir: join(work, 'data'), resourcesDir: 'resources', version: 'bench' })
    const { caseId } = await makeEvidenceCase(core)
    // Intake of the 50 files (what `casedesk evidence add` does), once.
    const t0 = performance.now()
    const added = await core.services.evidence.add({ caseId, kind: 'other', purpose: '证明案件事实', source: '原告提供' }, files.map((f) => ({ fileName: f.split('/').at(-1)!, path: f })))
    const intakeMs = performance.now() - t0
    if (added.rejected.length) throw new Error(JSON.stringify(added.rejected))
    const pages = added.added.reduce((s, v) => s + (v.pages ?? 0), 0)

    await core.close()
    const wall: number[] = []
    const cpu: number[] = []
    const peaks: number[] = []
    let bundlePages = 0
    let rssBeforeMb = 0
    let afterImportsMb = 0
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync(process.execPath, [...(process.env.EVIDENCE_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.EVIDENCE_BENCH_PROFILE}`] : []), '--import', 'tsx', join(import.meta.dirname, 'evidence-child.ts'), join(work, 'data'), caseId, join(work, `out-${i}`, 'bundle.zip')], { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(r.stderr)
      const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; maxRssMb: number; rssBeforeMb: number; afterImportsMb: number; pages: number }
      wall.push(m.ms)
      cpu.push(m.cpuMs)
      peaks.push(m.maxRssMb)
      bundlePages = m.pages
      rssBeforeMb = m.rssBeforeMb
      afterImportsMb = m.afterImportsMb
    }
    // The same build as a user runs it: `casedesk bundle` (the built bundle in out/node when current), its
    // whole process measured by GNU time — start, store, font, build, ZIP.
    const cli = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, 'bin/casedesk.mjs', 'bundle', '--case', caseId, '--out', join(work, 'cli', 'bundle.zip'), '--bates-prefix', 'HZ2024', '--data-dir', join(work, 'data'), '--json'], { encoding: 'utf8' })
    if (cli.status !== 0) throw new Error(cli.stderr)
    const [cliPeakKb, cliWallS] = cli.stderr.trim().split('\n').at(-1)!.split(' ').map(Number)

    // Hashing: the same files five times over, ours (streamed, as intake) against sha256sum.
    const hashSet = Array.from({ length: 5 }, () => files).flat()
    const oursSamples: number[] = []
    const theirsSamples: number[] = []
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now()
      for (const f of hashSet) await sha256File(f)
      oursSamples.push(performance.now() - t)
      t = performance.now()
      const r = spawnSync('sha256sum', hashSet, { stdio: ['ignore', 'ignore', 'inherit'] })
      if (r.status !== 0) throw new Error('sha256sum failed')
      theirsSamples.push(performance.now() - t)
    }
    const ours = summarize(oursSamples)
    const theirs = summarize(theirsSamples)
    const mbps = (bytes: number, ms: number) => Math.round((bytes / 1048576 / (ms / 1000)) * 10) / 10
    const b = summarize(wall)
    return [
      {
        name: 'evidence.bundle 50 exhibits / 500 pages', n: RUNS, medianMs: b.median, p95Ms: b.p95, target: '≤ 3000 ms, ≤ 400 MB peak RSS',
        extra: { exhibitPages: pages, bundlePages, inputMb: Math.round(totalBytes / 104857.6) / 10, cpuMedianMs: summarize(cpu).median, peakRssMb: Math.max(...peaks), rssBeforeBuildMb: rssBeforeMb, rssAfterImportsMb: afterImportsMb, cliWholeProcessMs: Math.round(cliWallS * 1000), cliPeakRssMb: Math.round(cliPeakKb / 1024), load1: loadavg()[0] },
      },
      {
        name: 'evidence.add intake of the 50 files (check, parse, SHA-256, store)', n: 1, medianMs: Math.round(intakeMs), throughputPerSec: mbps(totalBytes, intakeMs),
        extra: { unit: 'MB/s', files: files.length, inputMb: Math.round(totalBytes / 104857.6) / 10 },
      },
      {
        name: 'evidence intake hashing (SHA-256, streamed)', n: RUNS, medianMs: ours.median, throughputPerSec: mbps(totalBytes * 5, ours.median),
        anchor: { name: 'sha256sum (coreutils) on the same files', medianMs: theirs.median, throughputPerSec: mbps(totalBytes * 5, theirs.median), ratio: Math.round((ours.median / theirs.median) * 100) / 100 },
        extra: { unit: 'MB/s', bytes: totalBytes * 5 },
      },
    ]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
