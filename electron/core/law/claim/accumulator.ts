/**
 * An exact running sum of fen × days × rate (a numerator over RATE_SCALE × dayBasis) that avoids bigint work in the
 * hot loop. While the rate stays the same, fen × days are summed as a plain number — exact, because the sum is at
 * most principal × span ≤ 10^11 fen × 36,600 days < 2^53 (limits enforced by validation). Only when the rate
 * changes, a payment needs the amount, or the result is read, is the sum multiplied out into the bigint total.
 */
export class Accumulator {
  /** The exact total (numerator) of everything flushed so far, net of payments. */
  private exact = 0n
  private rate = 0
  private fenDays = 0

  /** Add `fenDays` (fen × days) at the scaled annual `rate`. */
  add(rate: number, fenDays: number): void {
    if (rate !== this.rate) {
      this.flush()
      this.rate = rate
    }
    this.fenDays += fenDays
  }

  /** The exact total as a numerator. */
  value(): bigint {
    this.flush()
    return this.exact
  }

  /** Replace the total (after part of it was paid). */
  set(value: bigint): void {
    this.fenDays = 0
    this.exact = value
  }

  private flush(): void {
    if (this.fenDays !== 0) {
      this.exact += BigInt(this.fenDays) * BigInt(this.rate)
      this.fenDays = 0
    }
  }
}
