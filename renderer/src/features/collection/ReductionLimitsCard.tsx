import { Alert, Button, Card, InputNumber, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { ReductionLimitRow } from '../../../../shared/domain/collection-facts'
import { call } from '../../api'
import { useI18n } from '../../i18n'

/** Each lender's reduction limit (percent of interest, penalty and fees a lawyer may waive without approval). */
export function ReductionLimitsCard() {
  const { t, msg } = useI18n()
  const [rows, setRows] = useState<ReductionLimitRow[]>([])
  const [edit, setEdit] = useState<Record<string, number | null>>({})
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null)
  const load = useCallback(async () => setRows(await call('plans.reductionLimits', {})), [])
  useEffect(() => void load(), [load])

  async function save(lenderId: string) {
    try {
      // An empty box is sent as-is so the contract names the field.
      await call('plans.setReductionLimit', { lenderId, maxPercent: edit[lenderId] as number })
      setNotice({ type: 'success', text: t('rules.saved') })
      await load()
    } catch (e) {
      setNotice({ type: 'error', text: msg(e as { message: string; messageEn: string }) })
    }
  }

  return (
    <Card size="small" title={t('limits.title')} data-testid="reduction-limits">
      <Table size="small" rowKey="lenderId" pagination={false} dataSource={rows} columns={[
        { title: t('limits.lender'), dataIndex: 'lenderName' },
        { title: t('limits.percent'), dataIndex: 'maxPercent', render: (v: number, r) => (
          <>
            <InputNumber value={r.lenderId in edit ? edit[r.lenderId] : v} onChange={(x) => setEdit((e) => ({ ...e, [r.lenderId]: x }))} data-testid="limit-input" />
            {r.isDefault && <Tag style={{ marginLeft: 8 }}>{t('limits.default')}</Tag>}
          </>
        ) },
        { key: 'save', render: (_: unknown, r) => <Button size="small" onClick={() => save(r.lenderId)} data-testid="limit-save">{t('rules.save')}</Button> },
      ]} />
      {notice && <Alert type={notice.type} title={notice.text} data-testid="limits-notice" style={{ marginTop: 8 }} />}
    </Card>
  )
}
