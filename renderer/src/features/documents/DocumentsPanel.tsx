import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { DOCUMENT_TYPES, type DocumentRecord, type DocumentTypeCode, type TemplateSummary } from '../../../../shared/domain/documents'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { blobUrl, openDocument, printPreview, saveAs, typeLabel } from './files'

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
type AppErr = { message: string; messageEn: string }

interface Shown {
  record: DocumentRecord
  url: string
}

/**
 * The case page's documents: choose a type, format and date, generate (registered on the case), preview
 * the PDF in the app, save, open it in the system viewer or print it; below, every document of the case,
 * each one re-openable (in the app or the system viewer) and regenerable from its stored snapshot.
 */
export function DocumentsPanel({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t, lang, msg } = useI18n()
  const [type, setType] = useState<DocumentTypeCode>('demand-letter')
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf')
  const [asOf, setAsOf] = useState(today)
  const [templateId, setTemplateId] = useState<string | undefined>()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [docs, setDocs] = useState<DocumentRecord[]>([])
  const [shown, setShown] = useState<Shown | null>(null)
  const [missing, setMissing] = useState<string[]>([])
  const [note, setNote] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)

  const reload = useCallback(async () => setDocs(await call('documents.listForCase', { id: caseId })), [caseId])
  useEffect(() => {
    void reload()
  }, [reload])
  useEffect(() => {
    setTemplateId(undefined)
    void call('templates.list', { docType: type }).then(setTemplates, () => setTemplates([]))
  }, [type])
  useEffect(() => () => { if (shown) URL.revokeObjectURL(shown.url) }, [shown])

  async function generate() {
    setBusy(true)
    setNote(null)
    try {
      const r = await call('documents.generate', { caseId, type, format, asOf, templateId, withBytes: true })
      setShown({ record: r.document, url: blobUrl(r.bytesBase64!, format) })
      setMissing(r.missing)
      await reload()
      onChanged?.()
    } catch (e) {
      setNote({ type: 'error', text: msg(e as AppErr) })
    } finally {
      setBusy(false)
    }
  }

  async function open(d: DocumentRecord) {
    const r = await call('documents.get', { id: d.id, withBytes: true })
    setShown({ record: r.document, url: blobUrl(r.bytesBase64!, r.document.format) })
    setMissing(r.missing)
  }

  /** The system viewer (Electron) or a new browser tab. */
  async function openOutside(d: DocumentRecord) {
    try {
      await openDocument(d, async () => (await call('documents.get', { id: d.id, withBytes: true })).bytesBase64!)
    } catch (e) {
      setNote({ type: 'error', text: msg(e as AppErr) })
    }
  }

  async function print(d: DocumentRecord) {
    try {
      await printPreview(d.id, frame.current)
    } catch (e) {
      setNote({ type: 'error', text: msg(e as AppErr) })
    }
  }

  async function regenerate(d: DocumentRecord) {
    try {
      const r = await call('documents.regenerate', { id: d.id })
      const why = r.layout.stored === r.layout.current ? t('doc.different') : t('doc.differentLayout', { from: r.layout.stored, to: r.layout.current })
      setNote(r.identical ? { type: 'success', text: `${d.fileName}: ${t('doc.identical')}` } : { type: 'warning', text: `${d.fileName}: ${why}` })
    } catch (e) {
      setNote({ type: 'error', text: msg(e as AppErr) })
    }
  }

  return (
    <Card title={t('doc.panel')} size="small" data-testid="documents-panel">
      <Space wrap>
        <Select aria-label={t('doc.type')} data-testid="doc-type" style={{ width: 170 }} value={type} onChange={setType} options={DOCUMENT_TYPES.map((d) => ({ value: d, label: typeLabel(d, lang) }))} />
        <Select aria-label={t('doc.format')} data-testid="doc-format" style={{ width: 90 }} value={format} onChange={setFormat} options={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'DOCX' }]} />
        <Select aria-label={t('doc.template')} style={{ width: 200 }} value={templateId ?? templates.find((x) => x.builtin)?.id} onChange={(v) => setTemplateId(templates.find((x) => x.id === v)?.builtin ? undefined : v)}
          options={templates.map((x) => ({ value: x.id, label: `${x.name}${x.builtin ? `（${t('doc.builtin')}）` : ''} v${x.version}` }))} />
        <span>{t('doc.asOf')}</span>
        <Input aria-label={t('doc.asOf')} style={{ width: 120 }} value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        <Button type="primary" loading={busy} onClick={generate} data-testid="doc-generate">{t('doc.generate')}</Button>
      </Space>
      {note && <Alert style={{ marginTop: 8 }} type={note.type} title={note.text} data-testid="doc-note" />}
      {shown && missing.length > 0 && <Alert style={{ marginTop: 8 }} type="warning" title={t('doc.missing', { fields: missing.join('、') })} data-testid="doc-missing" />}
      {shown && (
        <div style={{ marginTop: 8 }}>
          <Space>
            <Typography.Text strong data-testid="doc-shown">{shown.record.fileName}</Typography.Text>
            <Button onClick={() => saveAs(shown.url, shown.record.fileName)}>{t('doc.save')}</Button>
            <Button data-testid="doc-open" onClick={() => openOutside(shown.record)}>{t('doc.open')}</Button>
            {shown.record.format === 'pdf' && <Button onClick={() => print(shown.record)}>{t('doc.print')}</Button>}
          </Space>
          {shown.record.format === 'pdf'
            ? <iframe ref={frame} title={t('doc.preview')} src={shown.url} data-testid="doc-preview" style={{ width: '100%', height: 560, border: '1px solid #ddd', marginTop: 8 }} />
            : <Alert style={{ marginTop: 8 }} type="info" title={t('doc.docxNoPreview')} />}
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('doc.list')}</Typography.Title>
      <Table size="small" rowKey="id" data-testid="doc-list" pagination={false} dataSource={docs} locale={{ emptyText: t('doc.none') }}
        columns={[
          { title: t('doc.type'), dataIndex: 'docType', render: (v: DocumentTypeCode) => typeLabel(v, lang) },
          { title: t('doc.format'), dataIndex: 'format' },
          { title: t('doc.asOf'), dataIndex: 'asOf' },
          { title: t('doc.version'), render: (_, d) => `${d.templateId} v${d.templateVersion}` },
          { title: t('doc.created'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 19).replace('T', ' ') },
          { title: '', render: (_, d) => <Space><Button size="small" onClick={() => open(d)}>{t('doc.preview')}</Button><Button size="small" onClick={() => openOutside(d)}>{t('doc.open')}</Button><Button size="small" onClick={() => regenerate(d)}>{t('doc.regenerate')}</Button></Space> },
        ]} />
    </Card>
  )
}
