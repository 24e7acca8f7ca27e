/**
 * The contract reviewer's data shapes live in shared/domain/review-terms.ts, so the contract and the UI read the
 * same types the engine returns.
 */
export type * from '../../../shared/domain/review-terms'
