import { List, Tag, Typography } from 'antd'
import type { Finding } from '../../../../shared/domain/review-terms'
import { useI18n } from '../../i18n'
import { SEVERITY_STYLE } from './severity'

/** The findings, most severe first; clicking one scrolls the contract text to its clause. */
export function FindingsList({ findings, selected, onSelect }: { findings: Finding[]; selected: number | null; onSelect(i: number): void }) {
  const { t, lang } = useI18n()
  function select(i: number) {
    onSelect(i)
    document.getElementById(`clause-${i}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' })
  }
  return (
    <List
      size="small"
      data-testid="findings"
      locale={{ emptyText: t('review.noFindings') }}
      dataSource={findings.map((f, i) => ({ f, i }))}
      style={{ maxHeight: '70vh', overflow: 'auto' }}
      renderItem={({ f, i }) => (
        <List.Item
          data-testid="finding"
          data-code={f.code}
          onClick={() => select(i)}
          style={{ cursor: 'pointer', display: 'block', background: i === selected ? SEVERITY_STYLE[f.severity].background : undefined, borderLeft: `3px solid ${SEVERITY_STYLE[f.severity].border}`, paddingLeft: 8 }}
        >
          <div>
            <Tag color={SEVERITY_STYLE[f.severity].tag}>{t(`review.${f.severity}`)}</Tag>
            <Typography.Text code>{f.code}</Typography.Text>
          </div>
          <div style={{ marginTop: 4 }}>{lang === 'en' ? f.messageEn : f.message}</div>
          {f.effect && <Typography.Text type="secondary">{t('review.effect')}：{f.effect}</Typography.Text>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('review.basis')}：{f.basis}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  )
}
