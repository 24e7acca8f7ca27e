#!/usr/bin/env node
// The CaseDesk CLI. tsx compiles the TypeScript core on the fly, so the command works right after `npm install`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
