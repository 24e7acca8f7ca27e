import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
  json(): any
}

/** Run the real `casedesk` entry point (bin/casedesk.mjs) as a user would. */
export function casedesk(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'casedesk.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, CASEDESK_DATA_DIR: '' } })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) }
}
