import { randomBytes } from 'node:crypto'

/**
 * Record ids are ULIDs: 48 bits of milliseconds + 80 random bits in Crockford base32. They sort by creation
 * time and are unique across machines, so stores from two laptops can later be merged.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export type IdFactory = () => string

/** The app's id factory. `random` is injectable so the seeder can be deterministic. */
export function createIdFactory(now: () => number = Date.now, random: (n: number) => Uint8Array = randomBytes): IdFactory {
  let lastTime = -1
  let last: number[] = []
  return () => {
    const t = now()
    if (t === lastTime) {
      // Same millisecond: increment the random part so ids stay strictly increasing.
      let i = last.length - 1
      while (i >= 0 && last[i] === 31) last[i--] = 0
      if (i >= 0) last[i]++
    } else {
      lastTime = t
      const bytes = random(16)
      last = Array.from({ length: 16 }, (_, i) => bytes[i] & 31)
    }
    let time = ''
    let x = t
    for (let i = 0; i < 10; i++) {
      time = ALPHABET[x % 32] + time
      x = Math.floor(x / 32)
    }
    return time + last.map((v) => ALPHABET[v]).join('')
  }
}
