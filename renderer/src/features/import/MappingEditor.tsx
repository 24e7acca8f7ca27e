import { Button, Input, Select, Space, Table, Tag, App } from 'antd'
import { useEffect, useState } from 'react'
import type { ImportMapping, ImportMappingEntry, ImportPreview } from '../../../../shared/domain/import'
import { call } from '../../api'
import { useI18n } from '../../i18n'

type AppErr = { message: string; messageEn: string }

/**
 * The column mapping: one line per canonical field with the file's column it comes from (proposed by the
 * core, adjustable), a saved mapping to start from, and "save as" to reuse it for the next file.
 */
export function MappingEditor({ preview, mapping, onChange }: { preview: ImportPreview; mapping: ImportMapping; onChange(m: ImportMapping): void }) {
  const { t, lang, msg } = useI18n()
  const { message } = App.useApp()
  const [saved, setSaved] = useState<ImportMappingEntry[]>([])
  const [name, setName] = useState('')
  useEffect(() => {
    call('import.mappings.list', undefined).then(setSaved, () => setSaved([]))
  }, [])

  const setColumn = (field: string, header: string | undefined) => {
    const columns = { ...mapping.columns }
    if (header) columns[field] = { ...(preview.proposed.columns[field]?.header === header ? preview.proposed.columns[field] : {}), header }
    else delete columns[field]
    onChange({ ...mapping, columns })
  }
  const headerOptions = preview.headers.filter((h) => h !== '').map((h) => ({ value: h, label: h }))

  async function save() {
    try {
      const entry = await call('import.mappings.save', { name: name.trim(), mapping })
      setSaved([...saved.filter((s) => s.name !== entry.name), entry])
      message.success(t('imp.mappingSaved'))
    } catch (e) {
      message.error(msg(e as AppErr))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select data-testid="imp-saved" style={{ width: 240 }} placeholder={t('imp.savedMappings')} disabled={saved.length === 0} value={null}
          options={saved.map((s) => ({ value: s.name, label: s.name }))} onChange={(n) => { const s = saved.find((x) => x.name === n); if (s) onChange(s.mapping) }} />
        <Input data-testid="imp-mapping-name" style={{ width: 200 }} placeholder={t('imp.mappingName')} value={name} onChange={(e) => setName(e.target.value)} />
        <Button data-testid="imp-mapping-save" disabled={!name.trim()} onClick={save}>{t('imp.saveMapping')}</Button>
      </Space>
      <Table size="small" rowKey="field" pagination={false} dataSource={preview.fields} scroll={{ y: 320 }}
        columns={[
          { title: t('imp.field'), render: (_, f) => <span>{lang === 'en' ? f.en : f.zh} {f.required && <Tag color="red">{t('imp.required')}</Tag>}</span> },
          {
            title: t('imp.column'),
            render: (_, f) => (
              <Select data-testid={`imp-map-${f.field}`} style={{ width: 260 }} allowClear placeholder={t('imp.unmapped')} value={mapping.columns[f.field]?.header}
                options={headerOptions} onChange={(h) => setColumn(f.field, h)} />
            ),
          },
        ]} />
    </Space>
  )
}
