import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { en, zh, type MessageKey } from './messages'

export type Lang = 'zh-CN' | 'en'

interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t(key: MessageKey, vars?: Record<string, string | number>): string
  /** Pick the message of an AppError-like object in the current language. */
  msg(e: { message: string; messageEn: string }): string
}

const Ctx = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('casedesk-lang') === 'en' ? 'en' : 'zh-CN'))
  const value = useMemo<I18n>(() => {
    const table = lang === 'en' ? en : zh
    return {
      lang,
      setLang(l) {
        localStorage.setItem('casedesk-lang', l)
        setLangState(l)
      },
      t: (key, vars) => Object.entries(vars ?? {}).reduce<string>((s, [k, v]) => s.replace(`{${k}}`, String(v)), table[key]),
      msg: (e) => (lang === 'en' ? e.messageEn : e.message),
    }
  }, [lang])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useI18n(): I18n {
  const v = useContext(Ctx)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
