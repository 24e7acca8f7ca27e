import { App as AntApp, Button, ConfigProvider, Layout, Menu, Skeleton } from 'antd'
import enUS from 'antd/locale/en_US'
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import zhCN from 'antd/locale/zh_CN'
import { navigate, useHashRoute } from './components/useHashRoute'
import { Placeholder } from './features/placeholder/Placeholder'
import { useI18n } from './i18n'
import type { MessageKey } from './i18n/messages'

/**
 * Each page is its own chunk, loaded when first shown: the first screen parses only the shell and its own page
 * (the dashboard's ECharts, the import wizard, the evidence tools … load with their page).
 */
function page<P extends object>(load: () => Promise<Record<string, ComponentType<P>>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] }))
}
const TodayPage = page(() => import('./features/collection/TodayPage'), 'TodayPage')
const CaseListPage = page(() => import('./features/case-list/CaseListPage'), 'CaseListPage')
const CaseDetailPage = page<{ id: string }>(() => import('./features/case-detail/CaseDetailPage'), 'CaseDetailPage')
const DashboardPage = page(() => import('./features/dashboard/DashboardPage'), 'DashboardPage')
const ImportPage = page(() => import('./features/import/ImportPage'), 'ImportPage')
const ReviewPage = page(() => import('./features/review/ReviewPage'), 'ReviewPage')
const DocumentsPage = page(() => import('./features/documents/DocumentsPage'), 'DocumentsPage')
const EvidencePage = page(() => import('./features/evidence/EvidencePage'), 'EvidencePage')
const SettingsPage = page(() => import('./features/settings/SettingsPage'), 'SettingsPage')

/**
 * The areas of the app in the order a lawyer's day uses them, each with its page; an area without a page yet
 * (the calculator lives on the case page) says so instead of pretending.
 */
const AREAS: { key: string; label: MessageKey; page?: (id?: string) => ReactNode }[] = [
  { key: 'today', label: 'nav.today', page: () => <TodayPage /> },
  { key: 'cases', label: 'nav.cases', page: (id) => (id ? <CaseDetailPage id={id} /> : <CaseListPage />) },
  { key: 'dashboard', label: 'nav.dashboard', page: () => <DashboardPage /> },
  { key: 'import', label: 'nav.import', page: () => <ImportPage /> },
  { key: 'calculator', label: 'nav.calculator' },
  { key: 'review', label: 'nav.review', page: () => <ReviewPage /> },
  { key: 'documents', label: 'nav.documents', page: () => <DocumentsPage /> },
  { key: 'evidence', label: 'nav.evidence', page: () => <EvidencePage /> },
  { key: 'settings', label: 'nav.settings', page: () => <SettingsPage /> },
]

export function App() {
  const { t, lang, setLang } = useI18n()
  const [areaAndQuery = 'cases', id] = useHashRoute()
  const area = areaAndQuery.split('?')[0] // "#/cases?dpdBucket=M3": the list reads its filters from the query
  const entry = AREAS.find((a) => a.key === area)
  const shown = entry?.page?.(id) ?? <Placeholder title={t(entry?.label ?? 'nav.cases')} />
  return (
    // zeroRuntime: antd's prebuilt stylesheet (main.tsx) instead of styles generated in the page at start-up,
    // which was most of the dashboard's first-paint time; the tokens still apply, through CSS variables.
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ zeroRuntime: true, token: { fontSize: 13, borderRadius: 4 } }} componentSize="small">
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
            <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
              <Suspense fallback={<Skeleton active />}>{shown}</Suspense>
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  )
}
