import { Alert, Button, Input, Space, Tag } from 'antd'
import { useRef, useState } from 'react'
import type { CollectionAction } from '../../../../shared/domain/collection'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { uploadFile } from '../import/upload'

type Failure = { message: string; messageEn: string }
const LETTERS = new Set(['letter', 'lawyer_letter'])

/**
 * A letter's 送达回执 in the collection log: the linked receipt with its delivery date, or 上传回执 — the
 * scan is sent in slices by the import upload, then taken in as 送达凭证 evidence and linked to the action.
 */
export function ReceiptCell({ action, onAttached }: { action: CollectionAction; onAttached(): void }) {
  const { t, msg } = useI18n()
  const [deliveredOn, setDeliveredOn] = useState(action.deliveredOn ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  if (!LETTERS.has(action.channel)) return null
  if (action.proofEvidenceId)
    return <Tag color="green" data-testid="receipt-linked">{t('receipt.linked', { date: action.deliveredOn ?? '—' })}</Tag>

  async function take(file: File | undefined) {
    if (!file) return
    setBusy(true)
    try {
      const uploadId = await uploadFile(file, () => undefined)
      await call('actions.attachReceipt', { actionId: action.id, uploadId, ...(deliveredOn && { deliveredOn }) })
      setError(null)
      onAttached()
    } catch (e) {
      setError(msg(e as Failure))
    } finally {
      setBusy(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <Space orientation="vertical" size={4}>
      <Space size={4}>
        <Input type="date" size="small" value={deliveredOn} onChange={(e) => setDeliveredOn(e.target.value)} style={{ width: 140 }} aria-label={t('action.delivered')} data-testid="receipt-date" />
        <Button size="small" loading={busy} onClick={() => input.current?.click()} data-testid="receipt-upload">{t('receipt.upload')}</Button>
        <input ref={input} type="file" accept=".pdf,.jpg,.jpeg,.png" style={{ display: 'none' }} data-testid="receipt-file" onChange={(e) => void take(e.target.files?.[0])} />
      </Space>
      {error && <Alert type="error" title={error} data-testid="receipt-error" />}
    </Space>
  )
}
