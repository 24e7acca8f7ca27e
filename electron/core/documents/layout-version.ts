/**
 * The version of our page layout (line breaking, spacing, fonts as placed), stored in every document's
 * snapshot. A stored document regenerates byte for byte only under the layout that made it; when a newer
 * layout gives different bytes, the version tells the lawyer why, and the stored file stays the original.
 * Raise it whenever a change to the renderers moves text on a page. Snapshots from before it was recorded
 * are version 1.
 *
 * 2: an amount keeps its unit (0.00元 never split before 元); long hyphenated numbers break after a hyphen.
 */
export const LAYOUT_VERSION = 2
