import { Alert, App, Button, Input, Select, Space, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { StageOptions } from '../../../../shared/domain/collection'
import type { Stage } from '../../../../shared/domain/enums'
import { call } from '../../api'
import { stageLabel } from '../../components/labels'
import { useI18n } from '../../i18n'
import { CLOSE_REASON_LABELS, options } from './labels'

/** Move the case to a stage it may take next, with the data that stage needs; the history is shown below. */
export function StageControl({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t, lang, msg } = useI18n()
  const { message } = App.useApp()
  const [opts, setOpts] = useState<StageOptions | null>(null)
  const [to, setTo] = useState<Stage | undefined>()
  const [data, setData] = useState({ court: '', filingDate: '', caseNumber: '', closeReason: '', reason: '' })
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => setOpts(await call('stages.options', { id: caseId })), [caseId])
  useEffect(() => void load(), [load])
  const set = (k: keyof typeof data) => (v: string) => setData((d) => ({ ...d, [k]: v }))
  const required = opts?.next.find((n) => n.stage === to)?.required ?? []

  async function move() {
    if (!to) return
    try {
      await call('stages.change', {
        caseId, to, ...(data.court && { court: data.court }), ...(data.filingDate && { filingDate: data.filingDate }), ...(data.caseNumber && { caseNumber: data.caseNumber }),
        ...(data.closeReason && { closeReason: data.closeReason as never }), ...(data.reason && { reason: data.reason }),
      })
      setError(null)
      setTo(undefined)
      message.success(t('stage.moved'))
      await load()
      onChanged()
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }

  if (!opts) return null
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select placeholder={t('stage.to')} value={to} onChange={setTo} style={{ width: 120 }} options={opts.next.map((n) => ({ value: n.stage, label: stageLabel(n.stage, lang) }))} data-testid="stage-to" />
        {to === 'litigation' && (
          <>
            <Input placeholder={t('stage.court')} value={data.court} onChange={(e) => set('court')(e.target.value)} style={{ width: 200 }} />
            <Input type="date" value={data.filingDate} onChange={(e) => set('filingDate')(e.target.value)} style={{ width: 140 }} aria-label={t('stage.filingDate')} />
            <Input placeholder={`${t('stage.caseNumber')}（2026）浙0106民初1234号`} value={data.caseNumber} onChange={(e) => set('caseNumber')(e.target.value)} style={{ width: 240 }} />
          </>
        )}
        {required.includes('closeReason') && <Select placeholder={t('stage.closeReason')} value={data.closeReason || undefined} onChange={set('closeReason')} options={options(CLOSE_REASON_LABELS, lang)} style={{ width: 140 }} />}
        <Input placeholder={t('stage.reason')} value={data.reason} onChange={(e) => set('reason')(e.target.value)} style={{ width: 200 }} />
        <Button type="primary" disabled={!to} onClick={move} data-testid="stage-move">{t('stage.move')}</Button>
      </Space>
      {error && <Alert type="error" title={error} data-testid="stage-error" />}
      <Typography.Text type="secondary">
        {opts.history.map((h) => `${h.at.slice(0, 10)} ${h.from ? stageLabel(h.from as Stage, lang) : '—'} → ${stageLabel(h.to as Stage, lang)}${h.reason ? `（${h.reason}）` : ''}`).join('；')}
      </Typography.Text>
    </Space>
  )
}
