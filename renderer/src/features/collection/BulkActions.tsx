import { Alert, Button, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import type { BulkResult } from '../../../../shared/domain/collection'
import { STAGES, type Stage } from '../../../../shared/domain/enums'
import { call } from '../../api'
import { stageLabel } from '../../components/labels'
import { useI18n } from '../../i18n'
import { CLOSE_REASON_LABELS, options } from './labels'

/**
 * Bulk stage change and bulk assignment for the cases selected on the case list. The core moves each case it
 * may and reports each refusal (with the case number here) while the rest go through.
 */
export function BulkActions({ selected, caseNoOf, onDone }: { selected: string[]; caseNoOf(id: string): string; onDone(): void }) {
  const { t, lang, msg } = useI18n()
  const [to, setTo] = useState<Stage | undefined>()
  const [data, setData] = useState({ court: '', filingDate: '', closeReason: '' })
  const [owner, setOwner] = useState('')
  const [result, setResult] = useState<BulkResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!selected.length && !result && !error) return null

  async function run(fn: () => Promise<BulkResult>) {
    try {
      setResult(await fn())
      setError(null)
      onDone()
    } catch (e) {
      setResult(null)
      setError(msg(e as { message: string; messageEn: string }))
    }
  }
  const changeStage = () =>
    run(() => call('stages.bulkChange', {
      caseIds: selected, to: to as Stage, ...(data.court && { court: data.court }), ...(data.filingDate && { filingDate: data.filingDate }),
      ...(data.closeReason && { closeReason: data.closeReason as never }),
    }))
  const assign = () => run(() => call('cases.bulkAssign', { caseIds: selected, owner }))

  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 8 }} data-testid="bulk-actions">
      <Space wrap>
        <Typography.Text strong data-testid="bulk-count">{t('bulk.selected', { n: selected.length })}</Typography.Text>
        <Select placeholder={t('stage.to')} value={to} onChange={setTo} style={{ width: 120 }} options={STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }))} data-testid="bulk-stage-to" />
        {to === 'litigation' && (
          <>
            <Input placeholder={t('stage.court')} value={data.court} onChange={(e) => setData((d) => ({ ...d, court: e.target.value }))} style={{ width: 180 }} data-testid="bulk-court" />
            <Input type="date" value={data.filingDate} onChange={(e) => setData((d) => ({ ...d, filingDate: e.target.value }))} style={{ width: 150 }} aria-label={t('stage.filingDate')} data-testid="bulk-filing-date" />
          </>
        )}
        {to === 'closed' && <Select placeholder={t('stage.closeReason')} value={data.closeReason || undefined} onChange={(v) => setData((d) => ({ ...d, closeReason: v }))} options={options(CLOSE_REASON_LABELS, lang)} style={{ width: 140 }} />}
        <Button disabled={!to || !selected.length} onClick={changeStage} data-testid="bulk-stage-apply">{t('bulk.stage')}</Button>
        <Input placeholder={t('bulk.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} style={{ width: 120 }} data-testid="bulk-owner" />
        <Button disabled={!selected.length} onClick={assign} data-testid="bulk-assign-apply">{t('bulk.assign')}</Button>
      </Space>
      {error && <Alert type="error" title={error} data-testid="bulk-error" />}
      {result && (
        <Alert
          type={result.failed.length ? 'warning' : 'success'}
          data-testid="bulk-result"
          title={t('bulk.done', { n: result.changed.length })}
          description={result.failed.length ? (
            <div>
              {t('bulk.failed', { n: result.failed.length })}
              <ul style={{ margin: 0 }}>{result.failed.map((f) => <li key={f.caseId} data-testid="bulk-failure">{caseNoOf(f.caseId)}：{lang === 'en' ? f.messageEn : f.message}</li>)}</ul>
            </div>
          ) : undefined}
        />
      )}
    </Space>
  )
}
