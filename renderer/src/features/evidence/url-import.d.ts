/** Vite's `?url` import: the asset's URL in the build (used for pdf.js's worker script). */
declare module '*?url' {
  const url: string
  export default url
}
