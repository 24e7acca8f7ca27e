import { Alert, Button, Card, Input, InputNumber, Space, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { ConductRulesView } from '../../../../shared/domain/collection-facts'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { CHANNEL_LABELS, pick } from './labels'

type Rules = ConductRulesView['rules']
type Failure = { message: string; messageEn: string }

/**
 * The conduct rules on the settings page: contact hours, the caps per channel per day and week, and the
 * forbidden expressions per category (one per line). The core validates the whole set and names a wrong
 * field in Chinese and English; nothing is stored then. "Restore defaults" goes back to the shipped file.
 */
export function ConductRulesCard() {
  const { t, lang, msg } = useI18n()
  const [view, setView] = useState<ConductRulesView | null>(null)
  const [rules, setRules] = useState<Rules | null>(null)
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null)
  const load = useCallback(async () => {
    const v = await call('conduct.rules', {})
    setView(v)
    setRules(structuredClone(v.rules))
  }, [])
  useEffect(() => void load(), [load])

  async function save(next: Rules | null) {
    try {
      const v = await call('conduct.setRules', { rules: next as Record<string, unknown> | null })
      setView(v)
      setRules(structuredClone(v.rules))
      setNotice({ type: 'success', text: t('rules.saved') })
    } catch (e) {
      setNotice({ type: 'error', text: msg(e as Failure) })
    }
  }

  if (!view || !rules) return null
  const hours = (k: 'start' | 'end') => (v: string) => setRules({ ...rules, contactHours: { ...rules.contactHours, [k]: v } })
  const cap = (ch: string, k: 'perDay' | 'perWeek') => (v: number | null) =>
    // An empty box is sent as-is (null) so the core names the field.
    setRules({ ...rules, frequency: { caps: { ...rules.frequency.caps, [ch]: { ...rules.frequency.caps[ch]!, [k]: v as number } } } })
  const terms = (key: string) => (text: string) =>
    setRules({ ...rules, forbiddenExpressions: { categories: rules.forbiddenExpressions.categories.map((c) => (c.key === key ? { ...c, terms: text.split('\n') } : c)) } })
  const capRows = Object.entries(rules.frequency.caps).map(([channel, c]) => ({ channel, ...c! }))

  return (
    <Card size="small" title={t('rules.title')} extra={<Tag color={view.edited ? 'blue' : 'default'} data-testid="rules-source">{view.edited ? t('rules.edited') : t('rules.defaults')}</Tag>} data-testid="conduct-rules">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rules.unverified')}</Typography.Text>
        <Space>
          {t('rules.hours')}
          <Input value={rules.contactHours.start} onChange={(e) => hours('start')(e.target.value)} style={{ width: 80 }} data-testid="rules-start" />
          –
          <Input value={rules.contactHours.end} onChange={(e) => hours('end')(e.target.value)} style={{ width: 80 }} data-testid="rules-end" />
        </Space>
        <Table size="small" rowKey="channel" pagination={false} dataSource={capRows} columns={[
          { title: t('action.channel'), dataIndex: 'channel', render: (v: string) => pick(CHANNEL_LABELS, v, lang) },
          { title: t('rules.perDay'), dataIndex: 'perDay', render: (v: number, r) => <InputNumber value={v} onChange={cap(r.channel, 'perDay')} data-testid={`rules-day-${r.channel}`} /> },
          { title: t('rules.perWeek'), dataIndex: 'perWeek', render: (v: number, r) => <InputNumber value={v} onChange={cap(r.channel, 'perWeek')} data-testid={`rules-week-${r.channel}`} /> },
        ]} />
        <Typography.Text strong>{t('rules.forbidden')}</Typography.Text>
        {rules.forbiddenExpressions.categories.map((c) => (
          <div key={c.key}>
            <Typography.Text>{lang === 'en' ? c.en : c.zh}</Typography.Text>
            <Input.TextArea rows={2} value={c.terms.join('\n')} onChange={(e) => terms(c.key)(e.target.value)} data-testid={`rules-terms-${c.key}`} />
          </div>
        ))}
        <Space>
          <Button type="primary" onClick={() => save(rules)} data-testid="rules-save">{t('rules.save')}</Button>
          <Button onClick={() => save(null)} disabled={!view.edited} data-testid="rules-reset">{t('rules.reset')}</Button>
        </Space>
        {notice && <Alert type={notice.type} title={notice.text} data-testid="rules-notice" />}
      </Space>
    </Card>
  )
}
