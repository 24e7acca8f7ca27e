import { createReadStream, statSync } from 'node:fs'
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate'

export interface ZipText {
  name: string
  text: string
}

/** How far a reader is through its data, 0 to 1 (the XLSX sheet's inflated bytes ÷ its size), for an ETA. */
export interface ReadProgress {
  fraction: number
}

/**
 * Stream the text of selected zip entries, in file order, decoding UTF-8 with a streaming decoder.
 * That is the point of this reader: exceljs's streaming reader decodes each inflated chunk on its
 * own and garbles any Chinese character cut at a chunk boundary (seen on ~1 % of addresses in a
 * 1,000-row test). Entries not selected are skipped without being inflated into memory.
 */
export async function* zipEntryTexts(path: string, wanted: (name: string) => boolean, progress?: ReadProgress): AsyncGenerator<ZipText> {
  const queue: ZipText[] = []
  let failure: unknown = null
  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return
    const decoder = new TextDecoder('utf-8')
    let inflated = 0
    sized ||= Boolean(file.originalSize)
    file.ondata = (err, data, final) => {
      if (err) { failure = err; return }
      // The size comes from the zip's local header; a writer that streams the entry leaves it out, and then the
      // share of the file read stands in for it (below).
      if (progress && file.originalSize) progress.fraction = Math.min(1, (inflated += data.length) / file.originalSize)
      const text = decoder.decode(data, { stream: !final })
      if (text !== '') queue.push({ name: file.name, text })
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 })
  const fileSize = progress ? statSync(path).size : 0
  let consumed = 0
  let sized = false
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      unzip.push(chunk, false)
      consumed += chunk.length
      if (progress && !sized && fileSize > 0) progress.fraction = consumed / fileSize
      if (failure) throw failure
      while (queue.length > 0) yield queue.shift()!
    }
    unzip.push(new Uint8Array(0), true)
    if (failure) throw failure
    while (queue.length > 0) yield queue.shift()!
  } finally {
    stream.destroy()
  }
}
