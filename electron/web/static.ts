import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json',
}

/** Serve a file of the built renderer. Paths are normalised and must stay inside `root`. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, securityHeaders: Record<string, string>): void {
  const rel = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)).replace(/^([/\\])+/, '')
  const file = join(root, rel)
  if (!file.startsWith(root + sep)) return send(res, 403, 'Forbidden')
  let size: number
  try {
    const st = statSync(file)
    if (!st.isFile()) return send(res, 404, 'Not found')
    size = st.size
  } catch {
    return send(res, 404, 'Not found')
  }
  // Built assets carry a content hash in their name, so a browser may keep them; the page itself is revalidated.
  const cache = rel.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': size, 'Cache-Control': cache, ...securityHeaders })
  createReadStream(file).pipe(res)
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
