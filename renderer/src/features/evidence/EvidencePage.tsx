import { Tabs } from 'antd'
import { useI18n } from '../../i18n'
import { PacksScreen } from './PacksScreen'
import { VerifyBundlePage } from './VerifyBundlePage'

/**
 * The 证据 area: filing packs for many cases at once, and the check of a received bundle. Each case's own
 * exhibits live on its case page.
 */
export function EvidencePage() {
  const { t } = useI18n()
  return (
    <Tabs
      items={[
        { key: 'packs', label: t('ev.tabPacks'), children: <PacksScreen /> },
        { key: 'verify', label: t('ev.tabVerify'), children: <VerifyBundlePage /> },
      ]}
    />
  )
}
