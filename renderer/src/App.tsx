import { App as AntApp, Button, ConfigProvider, Layout, Menu, Skeleton } from 'antd'
import enUS from 'antd/locale/en_US'
import { Suspense, type ReactNode } from 'react'
import zhCN from 'antd/locale/zh_CN'
import { navigate, routeOf, useHashRoute } from './components/useHashRoute'
import { useI18n } from './i18n'
import { page } from './pages'
import type { MessageKey } from './i18n/messages'

const TodayPage = page('today')
const CaseListPage = page('cases')
const CaseDetailPage = page<{ id: string }>('case')
const DashboardPage = page('dashboard')
const ImportPage = page('import')
const CalculatorPage = page('calculator')
const ReviewPage = page('review')
const DocumentsPage = page('documents')
const EvidencePage = page('evidence')
const SettingsPage = page('settings')

/** The areas of the app in the order a lawyer's day uses them, each with its page. */
const AREAS: { key: string; label: MessageKey; page: (id?: string) => ReactNode }[] = [
  { key: 'today', label: 'nav.today', page: () => <TodayPage /> },
  { key: 'cases', label: 'nav.cases', page: (id) => (id ? <CaseDetailPage id={id} /> : <CaseListPage />) },
  { key: 'dashboard', label: 'nav.dashboard', page: () => <DashboardPage /> },
  { key: 'import', label: 'nav.import', page: () => <ImportPage /> },
  { key: 'calculator', label: 'nav.calculator', page: () => <CalculatorPage /> },
  { key: 'review', label: 'nav.review', page: () => <ReviewPage /> },
  { key: 'documents', label: 'nav.documents', page: () => <DocumentsPage /> },
  { key: 'evidence', label: 'nav.evidence', page: () => <EvidencePage /> },
  { key: 'settings', label: 'nav.settings', page: () => <SettingsPage /> },
]

export function App() {
  const { t, lang, setLang } = useI18n()
  const { area, id } = routeOf(useHashRoute())
  // An address of no area (an old bookmark, a typo) opens the case list.
  const entry = AREAS.find((a) => a.key === area) ?? AREAS.find((a) => a.key === 'cases')!
  return (
    // zeroRuntime: antd's prebuilt stylesheet (main.tsx) instead of styles generated in the page at start-up,
    // which was most of the dashboard's first-paint time; the tokens still apply, through CSS variables.
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ zeroRuntime: true, token: { fontSize: 13, borderRadius: 4 } }} componentSize="small">
      <AntApp>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider width={150} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <div style={{ padding: '14px 16px', fontWeight: 600, fontSize: 16 }}>{t('appName')}</div>
            <Menu mode="inline" selectedKeys={[entry.key]} items={AREAS.map((a) => ({ key: a.key, label: t(a.label) }))} onClick={(e) => navigate(e.key)} />
          </Layout.Sider>
          <Layout>
            <Layout.Header style={{ background: '#fff', height: 44, lineHeight: '44px', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', borderBottom: '1px solid #f0f0f0' }}>
              <Button type="link" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">
                {t('lang.switch')}
              </Button>
            </Layout.Header>
            <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
              <Suspense fallback={<div data-testid="page-loading"><Skeleton active /></div>}>{entry.page(id)}</Suspense>
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  )
}
