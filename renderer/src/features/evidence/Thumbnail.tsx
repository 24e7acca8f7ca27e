import { useEffect, useState } from 'react'
import type { EvidenceItemView } from '../../../../shared/domain/evidence'
import { call } from '../../api'
import { base64Url, kindIcon } from './files'

/** Images up to this size are fetched whole and scaled by the browser; larger ones keep the icon. */
const MAX_THUMB_BYTES = 5 * 1024 * 1024

/**
 * An exhibit's thumbnail in the list: a JPEG or PNG is its own image, scaled down by CSS (the browser honours
 * EXIF orientation, as the bundle does). PDFs and DOCX keep a file-kind icon: drawing a PDF page in the
 * renderer needs a rasteriser such as pdf.js (megabytes), which the app does not carry.
 */
export function Thumbnail({ item }: { item: EvidenceItemView }) {
  const [url, setUrl] = useState<string | null>(null)
  const image = item.mime.startsWith('image/') && item.size <= MAX_THUMB_BYTES
  useEffect(() => {
    if (!image) return
    let alive = true
    let made: string | null = null
    void call('evidence.file', { id: item.id }).then((f) => {
      made = base64Url(f.dataBase64, f.mime)
      if (alive) setUrl(made)
      else URL.revokeObjectURL(made)
    }).catch(() => undefined) // the icon stays
    return () => {
      alive = false
      if (made) URL.revokeObjectURL(made)
    }
  }, [item.id, image])
  if (url) return <img src={url} alt={item.name} data-testid="ev-thumb" style={{ width: 40, height: 40, objectFit: 'contain', border: '1px solid #eee', background: '#fafafa' }} />
  return <span title={item.mime} data-testid="ev-icon">{kindIcon(item.mime)}</span>
}
