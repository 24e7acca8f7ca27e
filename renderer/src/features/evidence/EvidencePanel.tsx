import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, type EvidenceGap, type EvidenceItemView, type EvidenceKind } from '../../../../shared/domain/evidence'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { dropBefore, indent, move, outdent, type Slot } from './arrange'
import { BundleBuilder } from './BundleBuilder'
import { EvidenceUpload } from './EvidenceUpload'
import { base64Url } from './files'
import { Thumbnail } from './Thumbnail'

type AppErr = { message: string; messageEn: string }
type Patch = { name?: string; kind?: EvidenceKind; source?: string | null; purpose?: string | null; original?: boolean }

/**
 * The case page's evidence panel: what the stage still lacks, adding files, the exhibit list in bundle order
 * (thumbnail of an image or a file-kind icon, edit in place, move up/down or drag a row onto another, group under the exhibit above,
 * remove with a reason), a check of the stored files, and the bundle builder.
 */
export function EvidencePanel({ caseId }: { caseId: string }) {
  const { t, lang, msg } = useI18n()
  const [items, setItems] = useState<EvidenceItemView[]>([])
  const [gaps, setGaps] = useState<EvidenceGap[]>([])
  const [note, setNote] = useState<{ type: 'success' | 'error'; text: string } | null>(null)
  const [removing, setRemoving] = useState<{ id: string; reason: string } | null>(null)
  const [dragged, setDragged] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const [list, g] = await Promise.all([call('evidence.list', { caseId }), call('evidence.gaps', { caseId })])
    setItems(list)
    setGaps(g)
  }, [caseId])
  useEffect(() => { void reload() }, [reload])

  const run = async (f: () => Promise<unknown>) => {
    setNote(null)
    try {
      await f()
    } catch (e) {
      setNote({ type: 'error', text: msg(e as AppErr) })
    }
    await reload()
  }
  const slots = (): Slot[] => items.map((v) => ({ id: v.id, parentId: v.parentId }))
  const arrange = (order: Slot[] | null) => order && run(() => call('evidence.arrange', { caseId, order }))
  const update = (id: string, patch: Patch) => run(() => call('evidence.update', { id, patch }))
  const kindLabel = (k: EvidenceKind) => (lang === 'en' ? EVIDENCE_KIND_LABELS[k].en : EVIDENCE_KIND_LABELS[k].zh)

  async function verify() {
    const r = await call('evidence.verify', { caseId })
    setNote(r.ok ? { type: 'success', text: t('ev.verifyOk', { n: r.checked }) } : { type: 'error', text: t('ev.verifyBad', { n: r.problems.length, files: r.problems.map((p) => p.file).join('、') }) })
  }
  async function open(v: EvidenceItemView) {
    const f = await call('evidence.file', { id: v.id })
    window.open(base64Url(f.dataBase64, f.mime), '_blank')
  }
  const editable = (v: EvidenceItemView, field: 'name' | 'source' | 'purpose') => ({
    onChange: (text: string) => {
      const value = text.trim()
      if (value === (v[field] ?? '')) return
      void update(v.id, field === 'name' ? { name: value } : { [field]: value || null })
    },
  })

  return (
    <Card title={t('ev.panel')} size="small" data-testid="evidence-panel">
      {gaps.length > 0 && (
        <Alert type="warning" style={{ marginBottom: 8 }} data-testid="ev-gaps" title={t('ev.gaps')}
          description={<ul style={{ margin: 0 }}>{gaps.map((g) => <li key={g.kind}>{msg(g)}</li>)}</ul>} />
      )}
      <EvidenceUpload caseId={caseId} onAdded={reload} />
      {note && <Alert style={{ marginTop: 8 }} type={note.type} title={note.text} data-testid="ev-note" />}
      <Table size="small" rowKey="id" style={{ marginTop: 8 }} data-testid="ev-list" pagination={false} dataSource={items} locale={{ emptyText: t('ev.none') }}
        onRow={(v) => ({
          draggable: true,
          onDragStart: () => setDragged(v.id),
          onDragOver: (e) => e.preventDefault(),
          onDrop: (e) => { e.preventDefault(); if (dragged) void arrange(dropBefore(slots(), dragged, v.id)); setDragged(null) },
        })}
        columns={[
          { title: '', width: 48, render: (_, v) => <Thumbnail item={v} /> },
          { title: t('ev.no'), dataIndex: 'label', width: 60, render: (l: string, v) => <span style={{ paddingLeft: v.parentId ? 12 : 0 }} data-testid="ev-label">{l}</span> },
          { title: t('ev.name'), render: (_, v) => <Typography.Text editable={editable(v, 'name')} data-testid="ev-row-name">{v.name}</Typography.Text> },
          { title: t('ev.kind'), width: 150, render: (_, v) => <Select size="small" style={{ width: 140 }} value={v.kind} onChange={(k) => update(v.id, { kind: k })} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} /> },
          { title: t('ev.source'), render: (_, v) => <Typography.Text editable={editable(v, 'source')}>{v.source ?? ''}</Typography.Text> },
          { title: t('ev.purpose'), render: (_, v) => <Typography.Text editable={editable(v, 'purpose')}>{v.purpose ?? ''}</Typography.Text> },
          { title: `${t('ev.original')}/${t('ev.copy')}`, width: 100, render: (_, v) => <Select size="small" value={v.original} onChange={(o) => update(v.id, { original: o })} options={[{ value: true, label: t('ev.original') }, { value: false, label: t('ev.copy') }]} /> },
          { title: t('ev.pages'), dataIndex: 'pages', width: 60, render: (p: number | null) => p ?? '—' },
          {
            title: '', render: (_, v) => removing?.id === v.id ? (
              <Space>
                <Input size="small" autoFocus placeholder={t('ev.removeReason')} data-testid="ev-remove-reason" value={removing.reason} onChange={(e) => setRemoving({ id: v.id, reason: e.target.value })} />
                <Button size="small" danger disabled={!removing.reason.trim()} onClick={() => { void run(() => call('evidence.remove', { id: v.id, reason: removing.reason.trim() })); setRemoving(null) }}>{t('ev.remove')}</Button>
              </Space>
            ) : (
              <Space size={2} wrap>
                <Button size="small" onClick={() => open(v)}>{t('ev.open')}</Button>
                <Button size="small" aria-label={t('ev.up')} onClick={() => arrange(move(slots(), v.id, -1))}>↑</Button>
                <Button size="small" aria-label={t('ev.down')} onClick={() => arrange(move(slots(), v.id, 1))}>↓</Button>
                {v.parentId
                  ? <Button size="small" aria-label={t('ev.outdent')} title={t('ev.outdent')} onClick={() => arrange(outdent(slots(), v.id))}>⇤</Button>
                  : <Button size="small" aria-label={t('ev.indent')} title={t('ev.indent')} onClick={() => arrange(indent(slots(), v.id))}>⇥</Button>}
                <Button size="small" danger onClick={() => setRemoving({ id: v.id, reason: '' })}>{t('ev.remove')}</Button>
              </Space>
            ),
          },
        ]} />
      <Button style={{ marginTop: 8 }} onClick={verify} data-testid="ev-verify">{t('ev.verify')}</Button>
      <BundleBuilder caseId={caseId} />
    </Card>
  )
}
