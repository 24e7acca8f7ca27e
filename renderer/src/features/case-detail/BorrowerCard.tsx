import { App, Button, Card, Descriptions, Form, Input, Space } from 'antd'
import { useState } from 'react'
import type { Borrower } from '../../../../shared/domain/borrower'
import type { AppError } from '../../../../shared/ipc/result'
import { call } from '../../api'
import { useI18n } from '../../i18n'

/**
 * The borrower, masked by default. Editing sends the change through the contract; a rejected field shows
 * the service's message under it, in the user's language, and nothing is saved.
 */
export function BorrowerCard({ borrower, onSaved }: { borrower: Borrower; onSaved: () => void }) {
  const { t, msg } = useI18n()
  const { message } = App.useApp()
  const [editing, setEditing] = useState(false)
  const [saving, setSaving] = useState(false)
  const [revealed, setRevealed] = useState<string | null>(null)
  const [form] = Form.useForm<{ name: string; idNumber: string }>()

  async function save(values: { name: string; idNumber: string }) {
    setSaving(true)
    try {
      await call('borrowers.update', { id: borrower.id, patch: { name: values.name, ...(values.idNumber ? { idNumber: values.idNumber } : {}) } })
      setEditing(false)
      setRevealed(null)
      message.success(t('borrower.saved'))
      onSaved()
    } catch (e) {
      const err = e as AppError
      const field = err.field === 'name' ? 'name' : 'idNumber'
      form.setFields([{ name: field, errors: [msg(err)] }])
    } finally {
      setSaving(false)
    }
  }

  async function reveal() {
    const r = await call('borrowers.reveal', { id: borrower.id, field: 'idNumber' })
    setRevealed(r.idNumber ?? null)
  }

  return (
    <Card size="small" title={t('case.borrower')} extra={!editing && <Button onClick={() => (form.setFieldsValue({ name: borrower.name, idNumber: '' }), setEditing(true))} data-testid="borrower-edit">{t('borrower.edit')}</Button>}>
      {editing ? (
        <Form form={form} layout="inline" onFinish={save} data-testid="borrower-form">
          <Form.Item name="name" label={t('borrower.name')} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('borrower.idNumber')}>
            <Input style={{ width: 220 }} placeholder={borrower.idNumberMasked ?? ''} data-testid="id-number-input" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="borrower-save">{t('borrower.save')}</Button>
            <Button onClick={() => setEditing(false)}>{t('borrower.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('borrower.name')}>{borrower.name}</Descriptions.Item>
          <Descriptions.Item label={t('borrower.idNumber')}>
            <span data-testid="id-number">{revealed ?? borrower.idNumberMasked ?? '—'}</span>
            {!revealed && borrower.idNumberMasked && <Button type="link" size="small" onClick={reveal}>{t('borrower.reveal')}</Button>}
          </Descriptions.Item>
          <Descriptions.Item label={t('borrower.sex')}>{borrower.sex ? t(borrower.sex) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('borrower.birthDate')}>{borrower.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('borrower.phones')}>{borrower.phonesMasked.map((p) => p.phone).join('，') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('borrower.addresses')}>{borrower.addresses.map((a) => a.address).join('；') || '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  )
}
