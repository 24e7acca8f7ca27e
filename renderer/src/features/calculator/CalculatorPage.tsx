import { Alert, App, Button, Card, Col, Divider, Form, Input, Radio, Row, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import type { ClaimResult } from '../../../../shared/domain/claim'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { type CalculatorForm, formPath, monthlySchedule, RATE_FIELDS, toClaimInput } from './calculatorInput'
import { ClaimBreakdown } from './ClaimBreakdown'
import { claimAsText } from './claimText'
import { CourtFees } from './CourtFees'
import { blankForm, forgetForm, keepForm, keptForm } from './keptForm'
import { RowsEditor } from './RowsEditor'

/**
 * The stand-alone claim calculator: the engine of the case page (calc.claim with an explicit input) for a loan
 * that is not in the store — a borrower on the phone, a court's question, a negotiation — with the court fees
 * of the result. Errors name the field, in the form and in the message above the result.
 */
export function CalculatorPage() {
  const { t, msg } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm() // untyped: engine errors name fields by path (formPath), not by key
  const [initial] = useState(keptForm)
  const [result, setResult] = useState<{ r: ClaimResult; asOf: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [plan, setPlan] = useState({ first: '', count: '12' })

  function clearFieldErrors() {
    form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] })))
  }

  async function run() {
    clearFieldErrors()
    const values = form.getFieldsValue(true) as CalculatorForm
    const { input, problems, origins } = toClaimInput(values)
    const bad = Object.entries(problems)
    if (bad.length) {
      form.setFields(bad.map(([name, problem]) => ({ name, errors: [t(problem === 'percent' ? 'calc.percentBad' : 'calc.required')] })))
      setResult(null)
      setError(t('calc.fixFields'))
      return
    }
    setBusy(true)
    try {
      const calc = await call('calc.claim', { input })
      setResult({ r: calc.result, asOf: input.asOf })
      setError(null)
    } catch (e) {
      const err = e as { message: string; messageEn: string; field?: string }
      setResult(null)
      setError(msg(err))
      if (err.field) form.setFields([{ name: formPath(err.field, origins), errors: [msg(err)] }])
    } finally {
      setBusy(false)
    }
  }

  function generate() {
    const v = form.getFieldsValue(true) as CalculatorForm
    const rows = plan.first ? monthlySchedule(plan.first, Number(plan.count), v.contractAmount || v.disbursedAmount || '') : null
    if (!rows) return void message.warning(t('calc.generate.bad'))
    form.setFieldValue('schedule', rows)
    keepForm(form.getFieldsValue(true) as CalculatorForm)
  }

  function clear() {
    forgetForm()
    form.resetFields()
    form.setFieldsValue(blankForm())
    setResult(null)
    setError(null)
  }

  async function copy() {
    if (!result) return
    await navigator.clipboard.writeText(claimAsText('计算器（未入库借款）', result.asOf, result.r)) // Chinese, as the documents are
    message.success(t('calc.copied'))
  }

  const field = (name: keyof CalculatorForm, label: Parameters<typeof t>[0], type: 'date' | 'text' = 'text') => (
    <Form.Item name={name} label={t(label)} style={{ marginBottom: 8 }}>
      <Input type={type} data-testid={`calc-${name}`} />
    </Form.Item>
  )
  return (
    <div data-testid="calculator-page">
      <Typography.Title level={4}>{t('calc.page.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('calc.page.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <Card size="small">
            <Form form={form} layout="vertical" initialValues={initial} onValuesChange={(_, all) => keepForm(all as CalculatorForm)}>
              <Form.Item name="regime" label={t('calc.regime')} style={{ marginBottom: 8 }}>
                <Radio.Group data-testid="calc-regime" options={[{ value: 'licensed', label: t('calc.regime.licensed') }, { value: 'private', label: t('calc.regime.private') }]} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={8}>{field('contractDate', 'calc.contractDate', 'date')}</Col>
                <Col span={8}>{field('disbursementDate', 'calc.disbursementDate', 'date')}</Col>
                <Col span={8}>{field('asOf', 'calc.asOf', 'date')}</Col>
                <Col span={12}>{field('contractAmount', 'calc.contractAmount')}</Col>
                <Col span={12}>{field('disbursedAmount', 'calc.disbursedAmount')}</Col>
              </Row>
              <Divider titlePlacement="start" plain>{t('calc.rates')}</Divider>
              <Row gutter={8}>
                {RATE_FIELDS.map((f) => <Col span={8} key={f}>{field(f, `calc.${f}`)}</Col>)}
                <Col span={8}>{field('penaltyFlat', 'calc.penaltyFlat')}</Col>
                <Col span={12}>
                  <Form.Item name="dayBasis" label={t('calc.dayBasis')} style={{ marginBottom: 8 }}>
                    <Select data-testid="calc-dayBasis" options={[{ value: 'default', label: t('calc.dayBasis.default') }, { value: '365', label: '365' }, { value: '360', label: '360' }]} />
                  </Form.Item>
                </Col>
                <Col span={12}>{field('filingDate', 'calc.filingDate', 'date')}</Col>
              </Row>
              <Divider titlePlacement="start" plain>{t('calc.schedule')}</Divider>
              <Space wrap style={{ marginBottom: 8 }}>
                <span>{t('calc.generate.first')}</span>
                <Input type="date" value={plan.first} onChange={(e) => setPlan({ ...plan, first: e.target.value })} style={{ width: 150 }} data-testid="calc-plan-first" />
                <span>{t('calc.generate.count')}</span>
                <Input value={plan.count} onChange={(e) => setPlan({ ...plan, count: e.target.value })} style={{ width: 60 }} data-testid="calc-plan-count" />
                <Button size="small" onClick={generate} data-testid="calc-plan-generate">{t('calc.generate')}</Button>
              </Space>
              <RowsEditor list="schedule" dateKey="dueDate" amountKey="principal" dateLabel="calc.dueDate" amountLabel="calc.principal" />
              <Divider titlePlacement="start" plain>{t('calc.payments')}</Divider>
              <RowsEditor list="payments" dateKey="date" amountKey="amount" dateLabel="calc.date" amountLabel="calc.amountYuan" />
              <Divider titlePlacement="start" plain>{t('calc.expenses')}</Divider>
              <RowsEditor list="expenses" dateKey="date" amountKey="amount" dateLabel="calc.date" amountLabel="calc.amountYuan" />
              <Divider />
              <Space>
                <Button type="primary" onClick={run} loading={busy} data-testid="calc-run">{t('calc.run')}</Button>
                <Button onClick={clear} data-testid="calc-clear">{t('calc.clear')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {error && <Alert type="error" title={error} data-testid="calc-error" />}
            {result && (
              <>
                <Button onClick={copy} data-testid="calc-copy">{t('calc.copy')}</Button>
                <ClaimBreakdown result={result.r} />
                <CourtFees claim={result.r.total} />
              </>
            )}
          </Space>
        </Col>
      </Row>
    </div>
  )
}
