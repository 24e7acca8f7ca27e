#!/usr/bin/env node
// `npm run web`: the web bridge (bundle when current, else TypeScript through tsx), serving the built renderer.
import { loadEntry } from './entry.mjs'

const { main } = await loadEntry('web', 'electron/web/main.ts')
try {
  await main(process.argv.slice(2))
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
}
