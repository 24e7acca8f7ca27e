/**
 * A minimal streaming XML tokenizer for the parts of an XLSX file CaseDesk reads (workbook, rels,
 * styles, shared strings, one worksheet). Text arrives in chunks and tags or entities may be cut at
 * chunk boundaries; incomplete pieces are kept until the next chunk. Namespace prefixes are dropped
 * (`x:row` → `row`). No DTDs, no validation: Excel's XML is simple and regular.
 */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void
  close(name: string): void
  text(text: string): void
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(ENTITY, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e])
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const localName = (qname: string) => {
  const i = qname.indexOf(':')
  return i < 0 ? qname : qname.slice(i + 1)
}

export class XmlScanner {
  private buf = ''

  constructor(private readonly h: XmlHandlers) {}

  push(chunk: string): void {
    const s = this.buf + chunk
    let pos = 0
    for (;;) {
      const lt = s.indexOf('<', pos)
      if (lt < 0) {
        // Flush text, but keep a possibly cut entity ("&am") for the next chunk.
        const amp = s.lastIndexOf('&')
        const keepFrom = amp >= pos && s.indexOf(';', amp) < 0 ? amp : s.length
        if (keepFrom > pos) this.h.text(decodeEntities(s.slice(pos, keepFrom)))
        this.buf = s.slice(keepFrom)
        return
      }
      if (lt > pos) this.h.text(decodeEntities(s.slice(pos, lt)))
      const end = this.tagEnd(s, lt)
      if (end < 0) {
        this.buf = s.slice(lt)
        return
      }
      this.tag(s, lt, end)
      pos = end + 1
    }
  }

  /** Index of the `>` that ends the tag starting at `lt`, or -1 if the chunk ends first. */
  private tagEnd(s: string, lt: number): number {
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt)
      return e < 0 ? -1 : e + 2
    }
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt)
      return e < 0 ? -1 : e + 2
    }
    // '>' inside a quoted attribute value does not end the tag.
    let quote = 0
    for (let i = lt + 1; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (quote) { if (c === quote) quote = 0 } else if (c === 34 || c === 39) quote = c
      else if (c === 62) return i
    }
    return -1
  }

  private tag(s: string, lt: number, end: number): void {
    const c = s[lt + 1]
    if (c === '?' || c === '!') {
      if (s.startsWith('<![CDATA[', lt)) this.h.text(s.slice(lt + 9, end - 2))
      return
    }
    if (c === '/') {
      this.h.close(localName(s.slice(lt + 2, end).trim()))
      return
    }
    const selfClosing = s[end - 1] === '/'
    const body = s.slice(lt + 1, selfClosing ? end - 1 : end)
    const sp = body.search(/\s/)
    const name = localName(sp < 0 ? body : body.slice(0, sp))
    const attrs: Record<string, string> = {}
    if (sp >= 0) {
      ATTR.lastIndex = 0
      for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) attrs[localName(m[1])] = decodeEntities(m[2] ?? m[3])
    }
    this.h.open(name, attrs, selfClosing)
    if (selfClosing) this.h.close(name)
  }
}
