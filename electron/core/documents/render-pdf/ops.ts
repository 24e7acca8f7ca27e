/**
 * What the PDF layout produces: positioned drawing operations per page, in PDF points with the origin at
 * the bottom left (y is the text baseline). Keeping layout apart from drawing lets page numbers
 * ("共 Y 页") be known before anything is drawn, and lets tests inspect positions without a PDF.
 */
export interface TextOp {
  kind: 'text'
  x: number
  y: number
  text: string
  size: number
  bold?: boolean
  underline?: boolean
  /** Extra space after every character (PDF Tc), used to justify a line. */
  charSpacing: number
  /** Drawn width, including the justification spacing. */
  width: number
}

export interface RuleOp {
  kind: 'rule'
  x1: number
  y1: number
  x2: number
  y2: number
  lineWidth: number
}

/** A PNG placed with its bottom left corner at (x, y). */
export interface ImageOp {
  kind: 'image'
  x: number
  y: number
  width: number
  height: number
  png: Uint8Array
}

export type DrawOp = TextOp | RuleOp | ImageOp

export interface PageLayout {
  ops: DrawOp[]
}

export interface PageGeometry {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

export const PT_PER_MM = 72 / 25.4
