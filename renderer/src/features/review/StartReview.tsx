import { Alert, Button, Card, Input, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { Loan } from '../../../../shared/domain/loan'
import { call } from '../../api'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'

/** base64 of a chosen file's bytes, read by the browser (no Node in the renderer). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => reject(r.error)
    r.readAsDataURL(file)
  })
}

/** Start a review: paste the text or choose a file; for a case, optionally name the loan it is the contract of. */
export function StartReview({ caseId }: { caseId?: string }) {
  const { t, msg } = useI18n()
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [regime, setRegime] = useState<'private' | 'licensed' | undefined>(undefined)
  const [loans, setLoans] = useState<Loan[]>([])
  const [loanId, setLoanId] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!caseId) return
    call('loans.listForCase', { id: caseId }).then((l) => {
      setLoans(l)
      if (l.length === 1) setLoanId(l[0].id)
    }, (e) => setError(msg(e)))
  }, [caseId, msg])

  async function run() {
    setBusy(true)
    try {
      const source = file ? { fileName: file.name, dataBase64: await readAsBase64(file) } : { text }
      const r = await call('review.run', { source, caseId, loanId, regime })
      navigate('review', r.id)
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('review.new')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('review.regime')}</span>
          <Select style={{ width: 140 }} value={regime ?? 'auto'} onChange={(v: string) => setRegime(v === 'private' || v === 'licensed' ? v : undefined)} data-testid="review-regime"
            options={[{ value: 'auto', label: t('review.regimeAuto') }, { value: 'private', label: t('review.private') }, { value: 'licensed', label: t('review.licensed') }]} />
          {loans.length > 0 && (
            <>
              <span>{t('review.loan')}</span>
              <Select style={{ width: 200 }} allowClear value={loanId} onChange={setLoanId} options={loans.map((l) => ({ value: l.id, label: l.contractNo }))} data-testid="review-loan" />
            </>
          )}
        </Space>
        {/* Its own row: antd's Space keys its items by position, so an input placed after the loan picker (which
            appears when the case's loans arrive) would be remounted and lose the file the lawyer just chose. */}
        <input type="file" accept=".docx,.pdf,.txt" data-testid="review-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {!file && (
          <>
            <Typography.Text type="secondary">{t('review.paste')}</Typography.Text>
            <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('review.pastePlaceholder')} data-testid="review-text-input" />
          </>
        )}
        {error && <Alert type="error" title={error} data-testid="review-error" />}
        <Space>
          <Button type="primary" onClick={run} loading={busy} disabled={!file && !text.trim()} data-testid="review-run">
            {t('review.run')}
          </Button>
          {!caseId && <Button onClick={() => navigate('review', 'batch')} data-testid="review-batch">{t('review.batch')}</Button>}
        </Space>
      </Space>
    </Card>
  )
}
