import { Alert, Descriptions } from 'antd'
import { useEffect, useState } from 'react'
import type { CourtFeeResult } from '../../../../shared/domain/claim'
import { call } from '../../api'
import { useI18n } from '../../i18n'

/**
 * The court fees a claim of `claim` yuan costs (诉讼费用交纳办法, calc.courtFee): what a lawyer weighs when
 * choosing between a suit, small claims, a payment order and preservation. Nothing for a claim of nothing.
 */
export function CourtFees({ claim }: { claim: string }) {
  const { t, msg } = useI18n()
  const [fees, setFees] = useState<CourtFeeResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const nothing = /^0*(\.0*)?$/.test(claim)
  useEffect(() => {
    if (nothing) return
    let current = true
    setFees(null)
    setError(null)
    call('calc.courtFee', { claim }).then(
      (f) => current && setFees(f),
      (e) => current && setError(msg(e as { message: string; messageEn: string })),
    )
    return () => void (current = false)
  }, [claim, msg, nothing])
  if (nothing) return null
  if (error) return <Alert type="warning" title={error} data-testid="calc-fees-error" />
  if (!fees) return null
  return (
    <Descriptions size="small" bordered column={1} title={t('calc.fees.title')} data-testid="calc-fees">
      <Descriptions.Item label={t('calc.fees.full')}>
        <b data-testid="calc-fee-full">{fees.fullFee}</b>（{t('calc.fees.rounded', { n: fees.fullFeeYuan })}）
      </Descriptions.Item>
      <Descriptions.Item label={t('calc.fees.half')}><span data-testid="calc-fee-half">{fees.halfFee}</span></Descriptions.Item>
      <Descriptions.Item label={t('calc.fees.paymentOrder')}><span data-testid="calc-fee-payment-order">{fees.paymentOrderFee}</span></Descriptions.Item>
      <Descriptions.Item label={t('calc.fees.preservation')}><span data-testid="calc-fee-preservation">{fees.preservationFee}</span></Descriptions.Item>
    </Descriptions>
  )
}
