import { z } from 'zod'
import { id } from '../domain/fields'

/**
 * One entry of the contract: the input schema (the only place outside input is validated) and the output type.
 */
export interface Channel<I extends z.ZodType, O> {
  input: I
  /** Type-only marker for the output; never read at run time. */
  output?: O
  /** What the channel does, for whoever reads the contract. */
  doc: string
}

export const channel = <I extends z.ZodType, O>(input: I, doc: string): Channel<I, O> => ({ input, doc })

/** `{ id }` — the input of every "get one" channel. */
export const byId = z.strictObject({ id })
/** No input (or an empty object). */
export const none = z.strictObject({}).optional()
