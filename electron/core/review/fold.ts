/**
 * Matching helpers that never move a character: every span found in the folded text is also a span of the
 * original text, so findings can be highlighted in exactly what the user sees.
 */

/**
 * Fold full-width digits, Latin letters and the marks used inside numbers (％ ． － ／) and odd spaces to
 * their ASCII forms, one code unit for one code unit. Chinese punctuation (，。；：（）) is left alone because
 * the clause splitter relies on it.
 */
export function foldForMatching(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      out += String.fromCharCode(c - 0xfee0)
    } else if (c === 0xff05 || c === 0xff0e || c === 0xff0d || c === 0xff0f) {
      out += String.fromCharCode(c - 0xfee0)
    } else if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009) {
      out += ' '
    } else {
      out += text[i]
    }
  }
  return out
}

const SENTENCE_END = /[。；;！？!?\n]/

/**
 * The sentence around [start, end): from the character after the previous 。；！？ or line break to the next one
 * (inclusive of a closing 。/；), with surrounding blanks trimmed. Findings are shown on this clause.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--
  let e = Math.max(end, start)
  while (e < text.length && !SENTENCE_END.test(text[e])) e++
  if (e < text.length && text[e] !== '\n') e++
  while (s < e && /\s/.test(text[s])) s++
  while (e > s && /\s/.test(text[e - 1])) e--
  return { start: s, end: e }
}

/**
 * The sub-clause around a position: like sentenceAround but also stopping at ，and at an ASCII comma that is not
 * a thousands separator. Used to decide which keyword a rate belongs to.
 */
export function subClauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const isStop = (i: number): boolean => {
    const ch = text[i]
    if (SENTENCE_END.test(ch) || ch === '，') return true
    return ch === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))
  }
  let s = start
  while (s > 0 && !isStop(s - 1)) s--
  let e = Math.max(end, start)
  while (e < text.length && !isStop(e)) e++
  return { start: s, end: e }
}
