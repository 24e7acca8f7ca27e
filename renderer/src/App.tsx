import { App as AntApp, Button, ConfigProvider, Layout, Menu } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { navigate, useHashRoute } from './components/useHashRoute'
import { CaseDetailPage } from './features/case-detail/CaseDetailPage'
import { CaseListPage } from './features/case-list/CaseListPage'
import { TodayPage } from './features/collection/TodayPage'
import { DocumentsPage } from './features/documents/DocumentsPage'
import { ImportPage } from './features/import/ImportPage'
import { Placeholder } from './features/placeholder/Placeholder'
import { VerifyBundlePage } from './features/evidence/VerifyBundlePage'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { ReviewPage } from './features/review/ReviewPage'
import { useI18n } from './i18n'
import type { MessageKey } from './i18n/messages'

/** The areas of the app in the order a lawyer's day uses them; the ones not built yet say so. */
const AREAS: { key: string; label: MessageKey }[] = [
  { key: 'today', label: 'nav.today' },
  { key: 'cases', label: 'nav.cases' },
  { key: 'dashboard', label: 'nav.dashboard' },
  { key: 'import', label: 'nav.import' },
  { key: 'calculator', label: 'nav.calculator' },
  { key: 'review', label: 'nav.review' },
  { key: 'documents', label: 'nav.documents' },
  { key: 'evidence', label: 'nav.evidence' },
  { key: 'settings', label: 'nav.settings' },
]

export function App() {
  const { t, lang, setLang } = useI18n()
  const [areaAndQuery = 'cases', id] = useHashRoute()
  const area = areaAndQuery.split('?')[0] // "#/cases?dpdBucket=M3": the list reads its filters from the query
  const page = area === 'dashboard' ? <DashboardPage /> : area === 'today' ? <TodayPage /> : area === 'cases' ? (id ? <CaseDetailPage id={id} /> : <CaseListPage />) : area === 'documents' ? <DocumentsPage /> : area === 'import' ? <ImportPage /> : area === 'review' ? <ReviewPage /> : area === 'settings' ? <SettingsPage /> : area === 'evidence' ? <VerifyBundlePage /> : <Placeholder title={t(AREAS.find((a) => a.key === area)?.label ?? 'nav.cases')} />
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { fontSize: 13, borderRadius: 4 } }} componentSize="small">
      <AntApp>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider width={150} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <div style={{ padding: '14px 16px', fontWeight: 600, fontSize: 16 }}>{t('appName')}</div>
            <Menu mode="inline" selectedKeys={[area]} items={AREAS.map((a) => ({ key: a.key, label: t(a.label) }))} onClick={(e) => navigate(e.key)} />
          </Layout.Sider>
          <Layout>
            <Layout.Header style={{ background: '#fff', height: 44, lineHeight: '44px', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', borderBottom: '1px solid #f0f0f0' }}>
              <Button type="link" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">
                {t('lang.switch')}
              </Button>
            </Layout.Header>
            <Layout.Content style={{ padding: 16, overflow: 'auto' }}>{page}</Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  )
}
