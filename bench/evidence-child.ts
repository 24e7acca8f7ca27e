import { preloadFont } from '../electron/core/documents/render-pdf/fonts'
import { openCore } from '../electron/core/services'

/**
 * One bundle build in a process of its own (run by evidence.bench.ts), so its peak RSS is the bundle's and not
 * the fixtures': `node --import tsx bench/evidence-child.ts DATA_DIR CASE_ID OUT.zip` prints one JSON line.
 * The font is warmed first, as the app and a job worker do once per process. What the process holds before
 * the build (`rssBeforeMb`, ~280 MB) is not fixtures: the child only opens the store. It is tsx and the core's
 * modules (`afterImportsMb`, ~190 MB with tsx, ~135 MB from the built bundle) plus the font warm-up (~80 MB:
 * the 14.8 MB CJK font, its width table and HarfBuzz's WebAssembly heap, which keeps the high-water mark of
 * cutting the common GB 2312 subset from the full font).
 */
const [dataDir, caseId, out] = process.argv.slice(2)
const rss = () => Math.round(process.memoryUsage().rss / 1048576)
const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench' })
const afterImportsMb = rss()
await preloadFont()
const before = process.memoryUsage().rss
const cpu = process.cpuUsage()
const t = performance.now()
const r = await core.services.evidence.bundle({ caseId, out, batesPrefix: 'HZ2024' })
const ms = performance.now() - t
const c = process.cpuUsage(cpu)
await core.close()
process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rssBeforeMb: Math.round(before / 1048576), afterImportsMb, pages: r.pages }) + '\n')
