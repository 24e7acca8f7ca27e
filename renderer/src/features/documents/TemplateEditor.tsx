import { Alert, Button, Col, Input, Row, Select, Space, Tag, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { TemplateSummary, TemplateView } from '../../../../shared/domain/documents'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { blobUrl, typeLabel } from './files'

type AppErr = { message: string; messageEn: string }

/**
 * The template editor: pick a template, copy a built-in into an editable one, edit its text with a live
 * PDF preview (sample case), save — a broken template is refused with its line number.
 */
export function TemplateEditor() {
  const { t, lang, msg } = useI18n()
  const [list, setList] = useState<TemplateSummary[]>([])
  const [current, setCurrent] = useState<TemplateView | null>(null)
  const [body, setBody] = useState('')
  const [preview, setPreview] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const reload = async () => setList(await call('templates.list', {}))
  useEffect(() => {
    void reload()
  }, [])

  async function pick(id: string) {
    const v = await call('templates.get', { id })
    setCurrent(v)
    setBody(v.body)
    setSaved(null)
  }

  // Live preview: re-rendered a moment after the typing stops; a broken text shows its error instead.
  useEffect(() => {
    if (!current) return
    clearTimeout(timer.current)
    timer.current = setTimeout(async () => {
      try {
        const r = await call('templates.preview', { docType: current.docType, body })
        setPreview((old) => {
          if (old) URL.revokeObjectURL(old)
          return blobUrl(r.bytesBase64, 'pdf')
        })
        setError(null)
      } catch (e) {
        setError(msg(e as AppErr))
      }
    }, 600)
    return () => clearTimeout(timer.current)
  }, [body, current, msg])

  async function copy() {
    if (!current) return
    const v = await call('templates.copy', { id: current.id })
    await reload()
    setCurrent(v)
    setBody(v.body)
  }

  async function save() {
    if (!current) return
    try {
      const v = await call('templates.save', { id: current.id, body })
      setCurrent(v)
      setSaved(t('doc.saved', { version: v.version }))
      setError(null)
      await reload()
    } catch (e) {
      setSaved(null)
      setError(msg(e as AppErr))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select data-testid="tpl-select" style={{ width: 360 }} placeholder={t('doc.template')} value={current?.id} onChange={pick}
          options={list.map((x) => ({ value: x.id, label: `${typeLabel(x.docType, lang)} · ${x.name}${x.builtin ? `（${t('doc.builtin')}）` : ''} v${x.version}` }))} />
        {current && <Button onClick={copy} data-testid="tpl-copy">{t('doc.copy')}</Button>}
        {current && !current.builtin && <Button type="primary" onClick={save} data-testid="tpl-save">{t('doc.saveTemplate')}</Button>}
        {current?.builtin && <Tag>{t('doc.readonly')}</Tag>}
      </Space>
      {error && <Alert type="error" title={error} data-testid="tpl-error" />}
      {saved && <Alert type="success" title={saved} data-testid="tpl-saved" />}
      {current && (
        <Row gutter={12}>
          <Col span={12}>
            <Input.TextArea data-testid="tpl-body" value={body} readOnly={current.builtin} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 24, maxRows: 40 }} style={{ fontFamily: 'monospace', fontSize: 12 }} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 11 }}>
              {t('doc.fields')}：{current.fields.map((f) => `{{${f}}}`).join(' ')}
            </Typography.Paragraph>
          </Col>
          <Col span={12}>
            <Typography.Text type="secondary">{t('doc.livePreview')}</Typography.Text>
            {preview && <iframe title={t('doc.livePreview')} src={preview} data-testid="tpl-preview" style={{ width: '100%', height: 700, border: '1px solid #ddd' }} />}
          </Col>
        </Row>
      )}
    </Space>
  )
}
