import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CHANNELS } from '../../shared/ipc/contract'

/** No channel lands untested: every channel of the contract is named in some test under test/ipc. */
it('every contract channel is exercised by a test in test/ipc', () => {
  const dir = join(process.cwd(), 'test', 'ipc')
  const sources = readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts').map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')
  expect(CHANNELS.filter((c) => !sources.includes(`'${c}'`))).toEqual([])
})
