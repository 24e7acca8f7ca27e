import type { AppError } from '../../shared/ipc/result'

/** Everything the CLI prints goes through here, so --json keeps stdout to exactly one JSON document. */
export interface Output {
  json: boolean
  /** The command's result: JSON on stdout with --json, else the human text. */
  result(data: unknown, human?: () => string): void
  /** Progress and notes: always stderr, so they never mix with the result. */
  note(text: string): void
  error(e: AppError): void
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(data, human) {
      process.stdout.write(json || !human ? JSON.stringify(data, null, json ? 0 : 2) + '\n' : human() + '\n')
    },
    note(text) {
      process.stderr.write(text + '\n')
    },
    error(e) {
      process.stderr.write(`错误 [${e.code}]：${e.message}\nError [${e.code}]: ${e.messageEn}\n`)
    },
  }
}
