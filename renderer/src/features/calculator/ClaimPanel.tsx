import { Alert, App, Button, Card, Input, Select, Space } from 'antd'
import { useState } from 'react'
import type { ClaimCalculation } from '../../../../shared/domain/calc'
import type { ClaimInputRaw } from '../../../../shared/domain/claim'
import { todayInChina } from '../../../../shared/domain/date'
import type { Loan } from '../../../../shared/domain/loan'
import { call } from '../../api'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'
import { claimAsText } from './claimText'
import { fromClaimInput } from './calculatorInput'
import { ClaimBreakdown } from './ClaimBreakdown'
import { CourtFees } from './CourtFees'
import { keepForm } from './keptForm'

/** The loan's terms into the calculator page's form, to try what-ifs (a payment, another date) without touching the store. */
function openInCalculator(input: ClaimInputRaw) {
  keepForm(fromClaimInput(input))
  navigate('calculator')
}

/**
 * What the borrower of a stored loan legally owes on a chosen date, explained (ClaimBreakdown), with the court
 * fees of suing for it, and as text to copy.
 */
export function ClaimPanel({ caseNo, loans }: { caseNo: string; loans: Loan[] }) {
  const { t, msg } = useI18n()
  const { message } = App.useApp()
  const [loanId, setLoanId] = useState(loans[0]?.id)
  const [asOf, setAsOf] = useState(() => todayInChina())
  const [calc, setCalc] = useState<ClaimCalculation | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const loan = loans.find((l) => l.id === loanId)

  async function run() {
    if (!loanId) return
    setBusy(true)
    try {
      setCalc(await call('calc.claim', { loanId, asOf }))
      setError(null)
    } catch (e) {
      setCalc(null)
      setError(msg(e as { message: string; messageEn: string }))
    } finally {
      setBusy(false)
    }
  }

  async function copy() {
    if (!calc || !loan) return
    await navigator.clipboard.writeText(claimAsText(`案件 ${caseNo}，合同 ${loan.contractNo}`, asOf, calc.result))
    message.success(t('calc.copied'))
  }

  const r = calc?.result
  return (
    <Card size="small" title={t('calc.title')} data-testid="claim-panel">
      <Space wrap style={{ marginBottom: 8 }}>
        {loans.length > 1 && <Select value={loanId} onChange={setLoanId} style={{ width: 200 }} options={loans.map((l) => ({ value: l.id, label: l.contractNo }))} />}
        <span>{t('calc.asOf')}</span>
        <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} style={{ width: 150 }} data-testid="calc-as-of" />
        <Button type="primary" onClick={run} loading={busy} data-testid="calc-run">{t('calc.run')}</Button>
        {calc && (
          <>
            <Button onClick={copy} data-testid="calc-copy">{t('calc.copy')}</Button>
            <Button onClick={() => openInCalculator(calc.input)} data-testid="calc-open-calculator">{t('calc.openInCalculator')}</Button>
          </>
        )}
      </Space>
      {error && <Alert type="error" title={error} data-testid="calc-error" />}
      {r && (
        <>
          <ClaimBreakdown result={r} />
          <CourtFees claim={r.total} />
        </>
      )}
    </Card>
  )
}
