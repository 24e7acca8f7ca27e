import { z } from 'zod'
import { REGIMES } from './enums'
import { id, optionalText, text } from './fields'

export const lenderInput = z.strictObject({
  name: text(200),
  creditCode: z.string().trim().max(18).optional(),
  regime: z.enum(REGIMES),
  address: optionalText(500),
  legalRep: optionalText(50),
  phone: optionalText(30),
})
export const lenderUpdate = z.strictObject({ id, patch: lenderInput.partial() })

export interface Lender {
  id: string
  name: string
  creditCode: string | null
  regime: (typeof REGIMES)[number]
  address: string | null
  legalRep: string | null
  phone: string | null
  createdAt: string
  updatedAt: string
}
