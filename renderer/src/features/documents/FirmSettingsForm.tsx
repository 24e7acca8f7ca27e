import { Alert, Button, Form, Input } from 'antd'
import { useEffect, useState } from 'react'
import type { FirmSettings } from '../../../../shared/domain/documents'
import { call } from '../../api'
import { useI18n } from '../../i18n'

type AppErr = { message: string; messageEn: string; field?: string }
const FIELDS = [['firm', 'doc.firmName'], ['lawyerName', 'doc.lawyerName'], ['licenceNo', 'doc.licenceNo'], ['phone', 'doc.phone'], ['firmAddress', 'doc.firmAddress'], ['email', 'doc.email']] as const

/** The firm and lawyer printed on letters, complaints and powers of attorney; blank until set. */
export function FirmSettingsForm() {
  const { t, msg } = useI18n()
  const [form] = Form.useForm<FirmSettings>()
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  useEffect(() => {
    void call('documents.firmSettings', undefined).then((v) => form.setFieldsValue(v))
  }, [form])

  async function save(values: FirmSettings) {
    try {
      form.setFieldsValue(await call('documents.saveFirmSettings', values))
      setNote({ ok: true, text: t('doc.firmSaved') })
    } catch (e) {
      setNote({ ok: false, text: msg(e as AppErr) })
    }
  }

  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 4 }} style={{ maxWidth: 640 }} onFinish={save}>
      {FIELDS.map(([name, label]) => (
        <Form.Item key={name} name={name} label={t(label)}>
          <Input />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit">{t('doc.save')}</Button>
      {note && <Alert style={{ marginTop: 8 }} type={note.ok ? 'success' : 'error'} title={note.text} />}
    </Form>
  )
}
