import { bundleIsCurrent, loadEntry } from '../scripts/entry.mjs'

/**
 * One measured import as users run it, in a process of its own (run by import.bench.ts): `casedesk import FILE
 * --lender … --json` through the CLI's own entry — the built bundle and its bundled job worker when `npm run
 * build` is current, else the TypeScript source through tsx, whose compiling the core in both threads adds
 * ~100 MB to the peak (reported as `harness`). Plain Node, no tsx of its own, so the peak RSS is the import's.
 * Prints one JSON line: ms, cpuMs, maxRssMb and the counts.
 */
const [dataDir, file, lender] = process.argv.slice(2)
const harness = bundleIsCurrent('cli') ? 'built CLI bundle' : 'TypeScript source through tsx (run `npm run build` first)'
const { main } = await loadEntry('cli', 'electron/cli/main.ts')
// The CLI prints its --json result on stdout; keep it, so this process prints only its own line.
let out = ''
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = (chunk) => {
  out += chunk
  return true
}
const cpu = process.cpuUsage()
const t = performance.now()
const code = await main(['import', file, '--lender', lender, '--regime', 'licensed', '--json', '--data-dir', dataDir])
const ms = performance.now() - t
const c = process.cpuUsage(cpu)
process.stdout.write = write
if (code !== 0) throw new Error(`casedesk import exited with ${code}: ${out}`)
const r = JSON.parse(out)
write(JSON.stringify({
  ms, cpuMs: (c.user + c.system) / 1000, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), harness,
  read: r.read, imported: r.imported, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length,
}) + '\n')
