/**
 * ZIP entry names that can never escape the folder the archive is unpacked into: each part of a path is
 * cleaned of separators, "..", drive letters and control characters before it becomes a name, and the
 * reader (verify) rejects any entry that is not such a name.
 */

/** One path part made safe: separators and characters Windows forbids become "_", no leading dots. */
export function safeNamePart(name: string, max = 100): string {
  // eslint-disable-next-line no-control-regex
  let s = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/\.{2,}/g, '_').trim()
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (s.length > max) s = s.slice(0, max)
  return s || '_'
}

/** True for a relative path of safe parts joined by "/" (what our bundles contain and all a reader accepts). */
export function isSafeEntryPath(path: string): boolean {
  if (!path || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return false
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}
