import { Alert, App, Button, Card, Col, Row, Select, Space, Spin, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { CaseDetail } from '../../../../shared/domain/case'
import type { Loan } from '../../../../shared/domain/loan'
import type { StoredReview, TermCorrectionInput } from '../../../../shared/domain/review'
import { call } from '../../api'
import { navigate, useHashRoute } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'
import { ClaimPanel } from '../calculator/ClaimPanel'
import { ContractText } from './ContractText'
import { BatchReview } from './BatchReview'
import { CostCard } from './CostCard'
import { FindingsList } from './FindingsList'
import { StartReview } from './StartReview'
import { TermsForm } from './TermsForm'

/**
 * 合同审查: `#/review` (new), `#/review/new/<caseId>` (new, for a case), `#/review/batch` (many files as a job),
 * `#/review/<id>` (one stored review).
 */
export function ReviewPage() {
  const [, first, second] = useHashRoute()
  if (!first) return <StartReview />
  if (first === 'batch') return <BatchReview />
  if (first === 'new') return <StartReview caseId={second} />
  return <ReviewView key={first} id={first} />
}

interface Loaded {
  review: StoredReview
  kase: CaseDetail | null
  loans: Loan[]
}

/** One review: text with highlighted clauses beside the findings, the editable terms, the cost, the claim. */
function ReviewView({ id }: { id: string }) {
  const { t, msg } = useI18n()
  const { message } = App.useApp()
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [loanId, setLoanId] = useState<string | undefined>(undefined)
  const [version, setVersion] = useState(0)

  const load = useCallback(async () => {
    try {
      const review = await call('review.get', { id })
      const [kase, loans] = review.caseId ? await Promise.all([call('cases.get', { id: review.caseId }), call('loans.listForCase', { id: review.caseId })]) : [null, []]
      setData({ review, kase, loans })
      setLoanId((l) => l ?? review.loanId ?? (loans.length === 1 ? loans[0].id : undefined))
      setVersion((v) => v + 1)
      setError(null)
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }, [id, msg])

  useEffect(() => {
    void load()
  }, [load])

  async function saveCorrections(corrections: TermCorrectionInput[]) {
    try {
      await call('review.correct', { id, corrections })
      message.success(t('review.saved'))
      await load()
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }

  async function apply() {
    try {
      await call('review.applyToLoan', { id, loanId })
      message.success(t('review.applied'))
      await load()
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }

  if (!data) return error ? <Alert type="error" title={error} /> : <Spin />
  const { review, kase, loans } = data
  const { conflicts, skipped } = review.proposal
  const claimLoans = loans.filter((l) => l.id === (review.loanId ?? loanId))
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        {kase && <Button onClick={() => navigate('cases', kase.id)}>{t('review.back')}</Button>}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-title">
          {t('nav.review')} · {review.fileName ?? t('review.paste')}
        </Typography.Title>
        {kase && <Typography.Text type="secondary">{kase.caseNo}</Typography.Text>}
      </Space>
      {error && <Alert type="error" title={error} closable onClose={() => setError(null)} data-testid="review-error" />}
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={t('review.text')}>
            <ContractText text={review.text} findings={review.findings} selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={`${t('review.findings')}（${review.findings.length}）`}>
            <FindingsList findings={review.findings} selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
      </Row>
      <TermsForm key={version} review={review} onSave={saveCorrections} />
      <CostCard review={review} />
      {kase && (
        <Card size="small" title={t('review.apply')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {conflicts.length > 0 && <Alert type="warning" title={`${t('review.conflicts')} ${conflicts.map((c) => c.term).join('、')}`} data-testid="review-conflicts" />}
            {skipped.length > 0 && <Alert type="info" title={`${t('review.skipped')} ${skipped.map((s) => `${s.field} = ${s.value}`).join('；')}`} />}
            <Space>
              <Select style={{ width: 200 }} value={loanId} onChange={setLoanId} options={loans.map((l) => ({ value: l.id, label: l.contractNo }))} data-testid="apply-loan" />
              <Button type="primary" onClick={apply} disabled={!loanId || conflicts.length > 0} data-testid="review-apply">{t('review.apply')}</Button>
            </Space>
          </Space>
        </Card>
      )}
      {kase && claimLoans.length > 0 && <ClaimPanel key={`claim-${version}`} caseNo={kase.caseNo} loans={claimLoans} />}
    </Space>
  )
}
