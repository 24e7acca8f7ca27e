#!/usr/bin/env node
// `npm run bench [-- name-filter]`: runs every bench/*.bench.ts in turn (tsx compiles them) and prints one JSON
// object per benchmark on stdout. Progress goes to stderr.
import { register } from 'tsx/esm/api'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

register()
const dir = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2]
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort()
let failed = 0
for (const f of files) {
  process.stderr.write(`bench ${f} …\n`)
  try {
    const mod = await import(pathToFileURL(join(dir, f)).href)
    for (const result of await mod.default()) process.stdout.write(JSON.stringify(result) + '\n')
  } catch (e) {
    failed++
    process.stderr.write(`bench ${f} failed: ${e?.stack ?? e}\n`)
  }
}
process.exitCode = failed ? 1 : 0
