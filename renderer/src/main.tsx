import 'antd/dist/antd.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { I18nProvider } from './i18n'
import { whenPreloaded } from './pages'

// The first page's chunk (boot.ts) arrives first, so the shell and the page render in one pass.
void whenPreloaded().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  ),
)
