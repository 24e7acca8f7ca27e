import { useEffect, useState } from 'react'
import { THUMB_MAX_PX, type EvidenceItemView } from '../../../../shared/domain/evidence'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { base64Bytes, kindIcon } from './files'

type Reason = { message: string; messageEn: string } | 'draw'

/**
 * Thumbnails by the exhibit's SHA-256, for the session: a list re-rendered (an edit, a reorder) or the same
 * file in two cases does not ask the core or pdf.js again. A failure is forgotten, so the next showing retries
 * (e.g. once LibreOffice is installed).
 */
const made = new Map<string, Promise<string>>()

function thumbnailUrl(item: EvidenceItemView): Promise<string> {
  let url = made.get(item.sha256)
  if (!url) {
    url = (async () => {
      const thumb = await call('evidence.thumbnail', { id: item.id })
      const bytes = base64Bytes(thumb.dataBase64)
      if (thumb.kind === 'image') return URL.createObjectURL(new Blob([bytes], { type: thumb.mime }))
      const { renderFirstPage } = await import('./pdf-first-page') // pdf.js loads with the first PDF thumbnail
      return URL.createObjectURL(await renderFirstPage(bytes, THUMB_MAX_PX))
    })()
    made.set(item.sha256, url)
    url.catch(() => made.delete(item.sha256))
  }
  return url
}

/**
 * An exhibit's thumbnail in the list: the first page of a PDF or DOCX (cut to a one-page PDF by the core, drawn
 * by pdf.js), or the image itself (scaled down by the core when over 5 MB; the browser honours EXIF orientation,
 * as the bundle does). A file that cannot be drawn keeps its file-kind icon, with the reason as its tooltip.
 * `data-state` says where it is (loading, drawn, failed), for the eye of a test.
 */
export function Thumbnail({ item }: { item: EvidenceItemView }) {
  const { t, msg } = useI18n()
  const [url, setUrl] = useState<string | null>(null)
  const [failed, setFailed] = useState<Reason | null>(null)
  useEffect(() => {
    let alive = true
    setUrl(null)
    setFailed(null)
    thumbnailUrl(item).then(
      (u) => alive && setUrl(u),
      // The core's refusal carries its reason in both languages; anything else is pdf.js failing to draw.
      (e: unknown) => alive && setFailed(typeof (e as { messageEn?: unknown })?.messageEn === 'string' ? (e as Reason) : 'draw'),
    )
    return () => { alive = false }
  }, [item.id, item.sha256]) // the item's bytes are named by its hash: an edit of its fields keeps the picture
  if (url) return <img src={url} alt={item.name} data-testid="ev-thumb" data-state="drawn" style={{ width: 40, height: 40, objectFit: 'contain', border: '1px solid #eee', background: '#fafafa' }} />
  const title = failed ? (failed === 'draw' ? t('ev.thumbFailed') : msg(failed)) : item.mime
  return <span title={title} data-testid="ev-icon" data-state={failed ? 'failed' : 'loading'}>{kindIcon(item.mime)}</span>
}
