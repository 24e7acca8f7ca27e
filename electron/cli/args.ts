/**
 * A small argument parser: global options may stand before or after the command, `--flag value` and
 * `--flag=value` both work, and anything unknown is a usage error (exit 2), never silently ignored.
 */
export interface ParsedArgs {
  positionals: string[]
  options: Record<string, string | true>
}

export class UsageError extends Error {}

/** `spec` lists the options that take a value; everything else starting with -- is a boolean flag. */
export function parseArgs(argv: string[], valued: Set<string>, booleans: Set<string>): ParsedArgs {
  const positionals: string[] = []
  const options: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (!a.startsWith('--')) {
      positionals.push(a)
      continue
    }
    const eq = a.indexOf('=')
    const name = a.slice(2, eq === -1 ? undefined : eq)
    if (valued.has(name)) {
      const value = eq === -1 ? argv[++i] : a.slice(eq + 1)
      if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} 需要一个值 / --${name} needs a value`)
      options[name] = value
    } else if (booleans.has(name) && eq === -1) {
      options[name] = true
    } else {
      throw new UsageError(`未知选项 --${name} / unknown option --${name}`)
    }
  }
  return { positionals, options }
}

export function intOption(options: ParsedArgs['options'], name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = options[name]
  if (v === undefined) return fallback
  const n = Number(v)
  if (typeof v !== 'string' || !/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`--${name} 须为 ${min}–${max} 的整数 / --${name} must be a whole number from ${min} to ${max}`)
  return n
}
