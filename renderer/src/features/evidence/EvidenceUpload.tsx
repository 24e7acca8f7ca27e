import { Alert, Button, Input, Select, Space } from 'antd'
import { useRef, useState } from 'react'
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, type EvidenceKind, type EvidenceRejection } from '../../../../shared/domain/evidence'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { uploadFile } from '../import/upload'

type AppErr = { message: string; messageEn: string }

/**
 * Adding exhibits: the fields given once for the files (kind, name, purpose, source), then files by drag and
 * drop or the file picker. Each file is sent in 3 MB slices through the import wizard's upload (the web
 * bridge takes requests of up to 20 MB, and a scanned contract can be 50 MB), then taken in by its uploadId
 * in its own call, so one refused file never holds the others back; refusals are listed with their reason.
 */
export function EvidenceUpload({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t, lang, msg } = useI18n()
  const [kind, setKind] = useState<EvidenceKind>('contract')
  const [name, setName] = useState('')
  const [purpose, setPurpose] = useState('')
  const [source, setSource] = useState('')
  const [busy, setBusy] = useState(false)
  const [over, setOver] = useState(false)
  const [added, setAdded] = useState(0)
  const [rejected, setRejected] = useState<EvidenceRejection[]>([])
  const [sent, setSent] = useState<{ file: string; done: number; total: number } | null>(null)
  const input = useRef<HTMLInputElement>(null)

  async function take(files: File[]) {
    if (files.length === 0) return
    setBusy(true)
    setAdded(0)
    setRejected([])
    let n = 0
    const refused: EvidenceRejection[] = []
    for (const [i, f] of files.entries()) {
      const exhibitName = name.trim() ? (files.length > 1 ? `${name.trim()}（${i + 1}）` : name.trim()) : undefined
      try {
        const uploadId = await uploadFile(f, (done, total) => setSent({ file: f.name, done, total }))
        const r = await call('evidence.add', {
          caseId, kind, name: exhibitName, purpose: purpose.trim() || undefined, source: source.trim() || undefined,
          files: [{ uploadId }],
        })
        n += r.added.length
        refused.push(...r.rejected)
      } catch (e) {
        refused.push({ file: f.name, code: 'ERROR', ...(e as AppErr) })
      }
    }
    setAdded(n)
    setRejected(refused)
    setSent(null)
    setBusy(false)
    if (input.current) input.current.value = ''
    onAdded()
  }

  return (
    <div>
      <Space wrap>
        <Select aria-label={t('ev.kind')} data-testid="ev-kind" style={{ width: 150 }} value={kind} onChange={setKind}
          options={EVIDENCE_KINDS.map((k) => ({ value: k, label: lang === 'en' ? EVIDENCE_KIND_LABELS[k].en : EVIDENCE_KIND_LABELS[k].zh }))} />
        <Input aria-label={t('ev.name')} data-testid="ev-name" placeholder={t('ev.name')} style={{ width: 180 }} value={name} onChange={(e) => setName(e.target.value)} />
        <Input aria-label={t('ev.purpose')} data-testid="ev-purpose" placeholder={t('ev.purpose')} style={{ width: 240 }} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        <Input aria-label={t('ev.source')} data-testid="ev-source" placeholder={t('ev.source')} style={{ width: 160 }} value={source} onChange={(e) => setSource(e.target.value)} />
      </Space>
      <div
        data-testid="ev-drop"
        role="button"
        tabIndex={0}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => { if (e.key === 'Enter') input.current?.click() }}
        onDragOver={(e) => { e.preventDefault(); setOver(true) }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void take([...e.dataTransfer.files]) }}
        style={{ marginTop: 8, padding: 16, border: `1px dashed ${over ? '#1677ff' : '#bbb'}`, borderRadius: 6, textAlign: 'center', cursor: 'pointer', background: over ? '#f0f7ff' : undefined }}
      >
        {t('ev.drop')}
        <input ref={input} data-testid="ev-file" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx" style={{ display: 'none' }} onChange={(e) => void take([...(e.target.files ?? [])])} />
      </div>
      {busy && <Button loading type="link" data-testid="ev-sending">{sent ? t('ev.sending', { file: sent.file, done: Math.round(sent.done / 1048576), total: Math.round(sent.total / 1048576) }) : t('ev.add')}</Button>}
      {added > 0 && <Alert style={{ marginTop: 8 }} type="success" title={t('ev.added', { n: added })} data-testid="ev-added" />}
      {rejected.map((r, i) => <Alert key={i} style={{ marginTop: 8 }} type="error" title={msg(r)} data-testid="ev-rejected" />)}
    </div>
  )
}
