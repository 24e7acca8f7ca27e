import { z } from 'zod'
import { ADDRESS_KINDS, PHONE_KINDS } from './enums'
import { id, optionalText, phone, text } from './fields'

export const borrowerInput = z.strictObject({
  name: text(100),
  /** 居民身份证号码; checked against GB 11643 by the service. */
  idNumber: z.string().trim().max(18).optional(),
  phones: z.array(z.strictObject({ phone, kind: z.enum(PHONE_KINDS).default('mobile'), isPrimary: z.boolean().default(false) })).max(10).default([]),
  addresses: z.array(z.strictObject({ kind: z.enum(ADDRESS_KINDS), address: text(500) })).max(10).default([]),
  employer: optionalText(200),
  note: optionalText(2000),
})
export const borrowerUpdate = z.strictObject({ id, patch: borrowerInput.partial() })
export const revealInput = z.strictObject({ id, field: z.enum(['idNumber', 'phones']) })

/** A borrower as lists and pages show it: ID number and phones masked. */
export interface Borrower {
  id: string
  name: string
  idNumberMasked: string | null
  sex: 'male' | 'female' | null
  birthDate: string | null
  phonesMasked: { kind: string; phone: string; isPrimary: boolean }[]
  addresses: { kind: string; address: string }[]
  employer: string | null
  note: string | null
  createdAt: string
  updatedAt: string
}

/** What an audited reveal returns. */
export interface Revealed {
  idNumber?: string | null
  phones?: string[]
}
