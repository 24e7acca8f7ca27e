import { readFileSync, readdirSync } from 'node:fs'
import { parseLprTable } from '../electron/core/law/lpr'
import { reviewContract } from '../electron/core/review/review'
import type { BenchResult } from './types'

/**
 * Contract review from text to findings (issue 7): one 20-page contract (≈ 20 × 1,500 characters: the key clauses of
 * a flawed online-loan contract spread through ordinary boilerplate), target ≤ 200 ms median; and a batch of 1,000
 * contracts of about five pages each (the 13 test contracts, each padded with boilerplate), throughput per second.
 */

const FIXTURES = 'test/fixtures/contracts'
const BOILERPLATE = [
  '双方应当遵守诚实信用原则，按照本合同的约定全面履行各自的义务，不得擅自变更或者解除本合同。',
  '借款人应当按照本合同约定的用途使用借款，不得将借款用于购买股票、期货等高风险投资，也不得用于违法犯罪活动。',
  '借款人应当如实提供个人身份信息、联系方式、工作单位及收入情况等资料，并保证所提供资料的真实性、准确性和完整性。',
  '借款人的通讯地址、联系电话等信息发生变更的，应当在变更之日起五个工作日内书面通知出借人，否则由此产生的不利后果由借款人承担。',
  '本合同项下的通知以书面形式送达，以短信、电子邮件方式发送的，发送成功之日视为送达之日。',
  '本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等法律效力。',
  '出借人有权对借款的使用情况进行检查和监督，借款人应当予以配合并如实提供有关资料。',
]

function pad(core: string, targetChars: number, seed: number): string {
  const parts = core.split('\n')
  const out: string[] = []
  let article = 1, i = seed
  // Interleave the contract's own lines with boilerplate articles until the text reaches the target length.
  let length = core.length
  parts.forEach((line, k) => {
    out.push(line)
    while (length < (targetChars * (k + 1)) / parts.length) {
      const clause = `第${article++}条 ${BOILERPLATE[i++ % BOILERPLATE.length]}`
      out.push(clause)
      length += clause.length + 1
    }
  })
  return out.join('\n')
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export default async function bench(): Promise<BenchResult[]> {
  const lpr = parseLprTable(JSON.parse(readFileSync('resources/data/lpr.json', 'utf8')))
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()
  const texts = files.map((f) => readFileSync(`${FIXTURES}/${f}`, 'utf8'))

  const big = pad(texts[0], 30_000, 0)
  for (let i = 0; i < 5; i++) reviewContract(big, {}, lpr) // warm-up (JIT, regex compilation)
  const times: number[] = []
  let findings = 0
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now()
    findings = reviewContract(big, {}, lpr).findings.length
    times.push(performance.now() - t0)
  }
  const sorted = [...times].sort((a, b) => a - b)

  const batch = Array.from({ length: 1000 }, (_, i) => pad(texts[i % texts.length], 7_500, i))
  const batchChars = batch.reduce((s, t) => s + t.length, 0)
  const t0 = performance.now()
  let batchFindings = 0
  for (const t of batch) batchFindings += reviewContract(t, {}, lpr).findings.length
  const batchMs = performance.now() - t0

  return [
    {
      name: 'review: 20-page contract text → findings',
      n: times.length,
      medianMs: Number(median(times).toFixed(2)),
      p95Ms: Number(sorted[Math.floor(sorted.length * 0.95)].toFixed(2)),
      target: '≤ 200 ms',
      extra: { chars: big.length, findings },
    },
    {
      name: 'review: batch of 1,000 contracts (≈ 5 pages each)',
      n: batch.length,
      medianMs: Number((batchMs / batch.length).toFixed(2)),
      throughputPerSec: Number(((batch.length * 1000) / batchMs).toFixed(1)),
      extra: { totalMs: Math.round(batchMs), totalChars: batchChars, findings: batchFindings },
    },
  ]
}
