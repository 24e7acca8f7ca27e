import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../electron/core/services'
import { makeEvidenceCase } from '../test/helpers/evidence-case'
import { makePdf, makePng } from '../test/helpers/evidence-files'
import type { BenchResult } from './types'

/**
 * Filing packs in bulk (issue 5 §7): `casedesk pack --stage 诉讼` over PACKS_N cases (default 1,000) in
 * litigation, each with a 7-page PDF contract of its own and a one-page image, so each bundle is 10 pages
 * (cover, 证据目录, 8 exhibit pages) — run as users run it, the CLI (built bundle in out/node when current)
 * starting the job on both cores. Per pack: 起诉状 DOCX + PDF, 证据目录, 授权委托书, 送达地址确认书, the
 * bundle PDF + ZIP, claim, court fee, 缺件清单; then the summary XLSX. Target: 1,000 packs ≤ 5 minutes.
 * On the shared machine wall time follows the load, so the process's CPU time (all threads) is reported
 * too: on a quiet machine with both cores busy the wall time is about CPU ÷ cores.
 */
const N = Number(process.env.PACKS_N ?? 1000)

export default async function packsBench(): Promise<BenchResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'bench-packs-'))
  try {
    const dataDir = join(work, 'data')
    const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench' })
    const receipt = makePng(600, 900, 3)
    for (let i = 1; i <= N; i++) {
      const { caseId, caseNo } = await makeEvidenceCase(core, i)
      await core.services.evidence.add({ caseId, kind: 'contract', name: '借款合同', purpose: '证明借贷关系', source: '原告提供' }, [{ fileName: '借款合同.pdf', bytes: await makePdf(7, `CONTRACT ${caseNo}`) }])
      await core.services.evidence.add({ caseId, kind: 'disbursement', name: '放款凭证', purpose: '证明已放款', source: '原告提供' }, [{ fileName: '放款凭证.png', bytes: receipt }])
    }
    core.db.raw.prepare("UPDATE cases SET stage = 'litigation', court = '杭州市西湖区人民法院'").run()
    await core.close()

    const out = join(work, 'packs')
    const load1Before = loadavg()[0]
    const t = performance.now()
    // GNU time gives the process's CPU (main thread and both workers) and peak RSS beside the wall time.
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, 'bin/casedesk.mjs', 'pack', '--stage', '诉讼', '--out', out, '--data-dir', dataDir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    const ms = performance.now() - t
    if (r.status !== 0) throw new Error(`casedesk pack failed (${r.status}): ${r.stderr.slice(-2000)}`)
    const [userS, sysS, peakKb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number)
    const cpuMs = Math.round((userS + sysS) * 1000)
    const result = JSON.parse(r.stdout) as { packs: { dir: string }[]; errors: unknown[] }
    if (result.packs.length !== N || result.errors.length) throw new Error(`expected ${N} packs, got ${result.packs.length} and ${result.errors.length} errors`)
    const check = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench' })
    const pages = check.db.raw.prepare('SELECT DISTINCT pages FROM evidence_bundles').pluck().all()
    await check.close()
    if (pages.length !== 1 || pages[0] !== 10) throw new Error(`bundles should all be 10 pages, got ${pages.join(', ')}`)
    return [{
      name: `evidence.packs ${N} filing packs (10-page bundle each), casedesk pack on both cores`, n: 1, medianMs: Math.round(ms),
      throughputPerSec: Math.round((N / (ms / 1000)) * 100) / 100, target: '1,000 packs ≤ 300000 ms',
      extra: { packs: N, msPerPack: Math.round(ms / N), projected1000Ms: Math.round((ms / N) * 1000), cpuMs, cpuMsPerPack: Math.round(cpuMs / N), quietWallEstimateMs: Math.round(cpuMs / availableParallelism()), peakRssMb: Math.round(peakKb / 1024), filesInFirstPack: readdirSync(result.packs[0].dir).length, cores: availableParallelism(), load1Before, load1After: loadavg()[0] },
    }]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
