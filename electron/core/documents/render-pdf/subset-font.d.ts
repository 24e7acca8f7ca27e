/** subset-font 2.9 ships no types; this is the part of its API the font test compares our warm subsetter with. */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2'
    keepFeatures?: readonly string[]
    noLayoutClosure?: boolean
    noHinting?: boolean
    preserveNameIds?: readonly number[]
    dropTables?: readonly string[]
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>
}
