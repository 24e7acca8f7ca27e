/**
 * An XLSX file's shared-strings table. Lenders' exports put nearly every cell there (names, ID numbers, phones,
 * contract numbers: a 100,000-row file has ~370,000 of them). As JS strings that was tens of MB of small
 * objects on the import worker's capped heap (each also a view that kept its chunk of the XML alive); here it
 * is the strings' UTF-8 bytes in one growing buffer and an end offset per string, outside the JS heap and
 * about as large as the text itself. A cell's text is decoded when the sheet's row asks for it (a short
 * string: cheap).
 *
 * The table is read as far as it is asked for (`more` reads the next piece of the file's table): writers list
 * strings in the order the sheet first uses them, so reading a header takes the first few, and an import
 * reads the table along with the sheet instead of whole before it.
 */
export class SharedStrings {
  private bytes = Buffer.alloc(64 * 1024)
  private ends = new Uint32Array(1024)
  private used = 0
  private n = 0

  /** `more()` adds the next strings to the table (through `add`) and returns false once the file's table is all read. */
  constructor(private more: (() => boolean) | null = null) {}

  add(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.bytes.length) {
      const bigger = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + text.length * 3))
      this.bytes.copy(bigger, 0, 0, this.used)
      this.bytes = bigger
    }
    this.used += this.bytes.write(text, this.used, 'utf8')
    if (this.n === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2)
      ends.set(this.ends)
      this.ends = ends
    }
    this.ends[this.n++] = this.used
  }

  /** The i-th string (0-based, as `<v>` of a `t="s"` cell gives it), or undefined past the end. */
  get(i: number): string | undefined {
    while (i >= this.n && this.more) if (!this.more()) this.more = null
    if (!(i >= 0 && i < this.n)) return undefined
    return this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i])
  }

  /** Strings read so far. */
  get count(): number {
    return this.n
  }

  /** Bytes held for the strings' text (what the table costs, besides 4 bytes a string for its offset). */
  get byteLength(): number {
    return this.used
  }
}
