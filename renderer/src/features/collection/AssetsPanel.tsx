import { Alert, Button, Input, Select, Space, Table } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { ASSET_LABELS, type AssetKindName, type KnownAssetView } from '../../../../shared/domain/collection-facts'
import { formatFen } from '../../../../shared/domain/money'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { options, pick, yuanToFen } from './labels'

type Failure = { message: string; messageEn: string }
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

/** 财产线索: the borrower's known assets (they count in the recovery score's assets factor and serve enforcement). */
export function AssetsPanel({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t, lang, msg } = useI18n()
  const [rows, setRows] = useState<KnownAssetView[]>([])
  const [form, setForm] = useState({ kind: 'bank_account', description: '', value: '', source: '', foundOn: chinaToday() })
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => setRows(await call('assets.list', { id: caseId })), [caseId])
  useEffect(() => void load(), [load])
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))

  async function add() {
    try {
      await call('assets.add', {
        caseId, kind: form.kind as AssetKindName, description: form.description, foundOn: form.foundOn,
        // An unparsable amount is sent as-is so the contract names the field.
        ...(form.value && { valueFen: (yuanToFen(form.value) ?? form.value) as number }), ...(form.source && { source: form.source }),
      })
      setError(null)
      setForm((f) => ({ ...f, description: '', value: '', source: '' }))
      await load()
      onChanged()
    } catch (e) {
      setError(msg(e as Failure))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="assets-panel">
      <Space wrap>
        <Select value={form.kind} onChange={set('kind')} options={options(ASSET_LABELS, lang)} style={{ width: 120 }} aria-label={t('asset.kind')} data-testid="asset-kind" />
        <Input placeholder={t('asset.description')} value={form.description} onChange={(e) => set('description')(e.target.value)} style={{ width: 220 }} data-testid="asset-description" />
        <Input placeholder={t('asset.value')} value={form.value} onChange={(e) => set('value')(e.target.value)} style={{ width: 130 }} data-testid="asset-value" />
        <Input placeholder={t('asset.source')} value={form.source} onChange={(e) => set('source')(e.target.value)} style={{ width: 150 }} data-testid="asset-source" />
        <Input type="date" value={form.foundOn} onChange={(e) => set('foundOn')(e.target.value)} style={{ width: 150 }} aria-label={t('asset.foundOn')} data-testid="asset-found-on" />
        <Button type="primary" onClick={add} data-testid="asset-add">{t('asset.add')}</Button>
      </Space>
      {error && <Alert type="error" title={error} data-testid="asset-error" />}
      <Table size="small" rowKey="id" pagination={false} dataSource={rows} data-testid="asset-list" columns={[
        { title: t('asset.kind'), dataIndex: 'kind', render: (v: string) => pick(ASSET_LABELS, v, lang) },
        { title: t('asset.description'), dataIndex: 'description' },
        { title: t('asset.value'), dataIndex: 'valueFen', render: (v: number | null) => (v === null ? '—' : formatFen(v)) },
        { title: t('asset.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
        { title: t('asset.foundOn'), dataIndex: 'foundOn' },
      ]} />
    </Space>
  )
}
