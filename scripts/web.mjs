#!/usr/bin/env node
// `npm run web`: the web bridge over the TypeScript core (through tsx), serving the built renderer.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/web/main.ts')
try {
  await main(process.argv.slice(2))
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
}
