/**
 * XML text of a docx component from its `prepForXml` object — what docx's own (unexported) serializer does
 * without indentation, quirks included, so a document.xml assembled from parts is byte for byte the one
 * `Packer` writes (a test compares them). Shape: `{ "w:p": [ { _attr: {...} }, child, … ] }`, `{ "w:t": "text" }`.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' }
const escape = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '') : v)

export function xmlOf(data: unknown): string {
  if (typeof data !== 'object' || data === null) return String(data)
  const obj = data as Record<string, unknown>
  const name = Object.keys(obj)[0]
  const values = name === undefined ? undefined : obj[name]
  const attributes: string[] = []
  const content: unknown[] = []
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(attr)) attributes.push(`${k}="${String(escape(v))}"`)
  }
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string }
      if (attr) addAttributes(attr)
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`)
      if (Array.isArray(values)) {
        let isString = false
        content.push('')
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value)[0] === '_attr') addAttributes(value._attr)
            else content.push(xmlOf(value))
          } else {
            content.pop()
            isString = true
            content.push(escape(value))
          }
        }
        if (!isString) content.push('')
      }
    }
  } else content.push(escape(values))
  const open = (name ? `<${name}` : '') + (attributes.length ? ` ${attributes.join(' ')}` : '')
  if (!content.length) return `${open}/>`
  return `${open}${name ? '>' : ''}${content.map((c) => (c === undefined ? '' : String(c))).join('')}${name ? `</${name}>` : ''}`
}
