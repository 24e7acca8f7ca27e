import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../electron/core/services'
import type { BenchResult } from './types'

/**
 * Contract review through the service (issue 7), as the CLI's `casedesk review DIR` and the app use it:
 * 1,000 TXT contracts of about five pages each (the test contracts padded with ordinary articles) through
 * `reviews.previewBatch`, counting the `review.progress` events a progress bar would draw; and 100 reviews stored
 * through the `review.run` channel (file into the content store, row and audit entry in one transaction).
 */

const FIXTURES = 'test/fixtures/contracts'
const ARTICLE = '本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等法律效力。借款人应当按照本合同约定的用途使用借款。'

function padded(text: string, targetChars: number, seed: number): string {
  const lines = text.split('\n')
  const filler: string[] = []
  for (let k = 0, len = text.length; len < targetChars; k++) {
    const line = `第${k + 20}条 ${ARTICLE.slice(seed % 7)}${ARTICLE}`
    filler.push(line)
    len += line.length + 1
  }
  return [...lines.slice(0, -2), ...filler, ...lines.slice(-2)].join('\n')
}

export default async function bench(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casedesk-bench-review-'))
  const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench', actor: 'bench' })
  try {
    const texts = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(FIXTURES, f), 'utf8'))
    const items = Array.from({ length: 1000 }, (_, i) => ({ name: `${String(i).padStart(4, '0')}.txt`, bytes: new TextEncoder().encode(padded(texts[i % texts.length], 7_500, i)) }))
    let events = 0
    const off = core.ctx.events.onEvent((e) => {
      if (e.type === 'review.progress') events++
    })
    await core.services.reviews.previewBatch(items.slice(0, 20), {}) // warm-up
    events = 0
    const t0 = performance.now()
    const results = await core.services.reviews.previewBatch(items, {})
    const batchMs = performance.now() - t0
    off()
    const failed = results.filter((r) => 'error' in r).length

    const runs: number[] = []
    for (let i = 0; i < 100; i++) {
      const t = performance.now()
      const r = await core.dispatch('review.run', { source: { fileName: items[i].name, dataBase64: Buffer.from(items[i].bytes).toString('base64') } })
      runs.push(performance.now() - t)
      if (!r.ok) throw new Error(r.error.message)
    }
    runs.sort((a, b) => a - b)
    return [
      {
        name: 'review: 1,000 contracts through the service (previewBatch, progress events)',
        n: items.length,
        medianMs: Number((batchMs / items.length).toFixed(2)),
        throughputPerSec: Number(((items.length * 1000) / batchMs).toFixed(1)),
        extra: { totalMs: Math.round(batchMs), progressEvents: events, failed, bytes: items.reduce((s, x) => s + x.bytes.length, 0) },
      },
      {
        name: 'review: review.run stored (file + row + audit) per contract',
        n: runs.length,
        medianMs: Number(runs[runs.length / 2].toFixed(2)),
        p95Ms: Number(runs[Math.floor(runs.length * 0.95)].toFixed(2)),
      },
    ]
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
