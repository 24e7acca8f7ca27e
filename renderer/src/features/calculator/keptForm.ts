import { todayInChina } from '../../../../shared/domain/date'
import type { CalculatorForm } from './calculatorInput'

/**
 * The calculator's form, kept in this browser profile until it is cleared: a lawyer can leave the page and come
 * back to it, and the case page can open a stored loan's terms in it to try what-ifs.
 */
const STORAGE_KEY = 'casedesk-calculator'

/** Every field, optional ones too: the form's 清空 sets these over whatever was there (or was kept). */
export const blankForm = (): Required<CalculatorForm> => ({
  regime: 'licensed', contractDate: '', disbursementDate: '', asOf: todayInChina(), filingDate: '', contractAmount: '', disbursedAmount: '',
  rateTerm: '', feeRateTerm: '', rateOverdue: '', penaltyRate: '', feeRateOverdue: '', penaltyFlat: '', dayBasis: 'default',
  schedule: [{}], payments: [], expenses: [],
})

export function keptForm(): CalculatorForm {
  try {
    return { ...blankForm(), ...(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<CalculatorForm>) }
  } catch {
    return blankForm()
  }
}

export function keepForm(form: CalculatorForm): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(form))
}

export function forgetForm(): void {
  localStorage.removeItem(STORAGE_KEY)
}
