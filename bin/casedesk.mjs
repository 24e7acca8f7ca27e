#!/usr/bin/env node
// The CaseDesk CLI: the built bundle when it is current, else the TypeScript source through tsx (scripts/entry.mjs).
import { loadEntry } from '../scripts/entry.mjs'

const { main } = await loadEntry('cli', 'electron/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
