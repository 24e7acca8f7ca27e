/** 138****5678: the first 3 and last 4 digits visible, as lists, pages and exports show a phone. */
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '*'.repeat(phone.length) : phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** Digits only, without the +86 / 0086 country prefix. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '')
  return digits.replace(/^\+/, '')
}
