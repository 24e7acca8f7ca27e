import { addMonths } from '../../../shared/domain/date'
import { UserError } from '../errors'

/**
 * Splitting an agreed total into instalments whose amounts add up to it exactly, in integer fen.
 * Instalments are whole yuan where possible (what borrowers transfer and agreements print); the last one
 * takes what is left, so the sum is exact by construction.
 */

export interface PlannedInstalment {
  seq: number
  dueDate: string
  amountFen: number
}

/** Due dates: the first date, then every `intervalMonths` months counted from it (the month's last day where there is no such day). */
export function instalmentDates(firstDate: string, count: number, intervalMonths: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(firstDate, i * intervalMonths))
}

/** Equal whole-yuan instalments with the remainder on the last. */
export function splitEvenly(totalFen: number, count: number): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) {
    throw new UserError('PLAN_TOTAL_INVALID', '约定还款总额须大于 0', 'The agreed total must be above 0', { field: 'reductionFen' })
  }
  if (totalFen < count) {
    throw new UserError('PLAN_TOO_MANY_INSTALMENTS', `还款总额 ${totalFen} 分不足以分为 ${count} 期`, `A total of ${totalFen} fen cannot be split into ${count} instalments`, { field: 'count' })
  }
  let each = Math.floor(totalFen / count / 100) * 100
  if (each === 0) each = Math.floor(totalFen / count)
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? each : totalFen - each * (count - 1)))
}

/**
 * The instalments of a plan: `amounts` when the lawyer wrote them (they must be `count` positive amounts that
 * add up to `totalFen` exactly), else an even split.
 * @throws UserError PLAN_SUM_MISMATCH / PLAN_INSTALMENT_COUNT / PLAN_INSTALMENT_ZERO naming the field.
 */
export function planInstalments(totalFen: number, count: number, firstDate: string, intervalMonths: number, amounts?: readonly number[]): PlannedInstalment[] {
  const dates = instalmentDates(firstDate, count, intervalMonths)
  let split: number[]
  if (amounts) {
    if (amounts.length !== count) {
      throw new UserError('PLAN_INSTALMENT_COUNT', `填写了 ${amounts.length} 期金额，但期数为 ${count}`, `${amounts.length} amounts were given for ${count} instalments`, { field: 'amountsFen' })
    }
    const zero = amounts.findIndex((a) => a <= 0)
    if (zero >= 0) throw new UserError('PLAN_INSTALMENT_ZERO', `第 ${zero + 1} 期金额须大于 0`, `Instalment ${zero + 1} must be above 0`, { field: `amountsFen.${zero}` })
    const sum = amounts.reduce((s, a) => s + a, 0)
    if (sum !== totalFen) {
      throw new UserError('PLAN_SUM_MISMATCH', `各期金额合计 ${fmt(sum)} 元，与约定还款总额 ${fmt(totalFen)} 元不符（相差 ${fmt(Math.abs(sum - totalFen))} 元）`, `The instalments add up to ${fmt(sum)} yuan, not the agreed total of ${fmt(totalFen)} yuan`, {
        field: 'amountsFen',
        details: { sumFen: sum, totalFen },
      })
    }
    split = [...amounts]
  } else {
    split = splitEvenly(totalFen, count)
  }
  return split.map((amountFen, i) => ({ seq: i + 1, dueDate: dates[i], amountFen }))
}

const fmt = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
