import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Result } from '../../shared/ipc/result'
import type { Core } from '../core/services'
import { serveStatic } from './static'

/**
 * The web bridge: the built renderer and the contract over HTTP on 127.0.0.1, for `npm run web`, for machines
 * without the Electron binary, and for the e2e tests. Every /rpc and /events request must carry this run's
 * random token; the Host header must be our own address (no DNS rebinding); the same dispatcher as Electron
 * parses and runs every call.
 */
export interface WebBridge {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const MAX_BODY = 20 * 1024 * 1024

// antd injects its styles at run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

export async function startWebBridge(core: Core, opts: { rendererDir: string; port?: number; token?: string }): Promise<WebBridge> {
  const token = opts.token ?? randomBytes(24).toString('hex')
  const tokenBuf = Buffer.from(token)
  let port = 0
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e)
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: '内部错误', messageEn: 'Internal error' } })
    })
  })

  const authorised = (req: IncomingMessage, url: URL) => {
    const given = Buffer.from(String(req.headers['x-casedesk-token'] ?? url.searchParams.get('token') ?? ''))
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf)
  }
  const ownHost = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (!ownHost(req)) return json(res, 421, fault('BAD_HOST', '请求的主机名无效', 'Misdirected request'))
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return json(res, 405, fault('METHOD', '只接受 POST', 'POST only'))
      if (!authorised(req, url)) return json(res, 401, fault('UNAUTHORISED', '访问令牌无效，请使用启动时打印的地址', 'Invalid token: open the URL printed at start-up'))
      const body = await readBody(req)
      if (body === null) return json(res, 413, fault('TOO_LARGE', '请求过大', 'Request too large'))
      let input: unknown
      try {
        input = body.length ? JSON.parse(body) : undefined
      } catch {
        return json(res, 400, fault('BAD_JSON', '请求不是有效的 JSON', 'The request body is not valid JSON'))
      }
      return json(res, 200, await core.dispatch(decodeURIComponent(url.pathname.slice(5)), input))
    }
    if (url.pathname === '/events') {
      if (!authorised(req, url)) return json(res, 401, fault('UNAUTHORISED', '访问令牌无效', 'Invalid token'))
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      const off = core.ctx.events.onEvent((e) => res.write(`data: ${JSON.stringify(e)}\n\n`))
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000)
      req.on('close', () => {
        off()
        clearInterval(ping)
      })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, fault('METHOD', '不支持的方法', 'Method not allowed'))
    serveStatic(opts.rendererDir, url.pathname, res, SECURITY_HEADERS)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

function fault(code: string, message: string, messageEn: string): Result<never> {
  return { ok: false, error: { code, message, messageEn } }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        resolve(null)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
