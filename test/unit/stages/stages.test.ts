import { describe, expect, it } from 'vitest'
import { canTransition, checkTransition, nextStages, requiredFor, STAGES, type Stage } from '../../../electron/core/cases/stages'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'ok'
  } catch (e) {
    return (e as { code: string }).code
  }
}

describe('case stage machine', () => {
  it('allows the forward path 新案 → 催收 → 协商 → 调解 → 诉讼 → 执行 → 结案', () => {
    const path: Stage[] = ['new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed']
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i], path[i + 1]), `${path[i]}→${path[i + 1]}`).toBe(true)
  })

  it('refuses moves that make no sense and keeps 结案 final', () => {
    expect(canTransition('enforcement', 'litigation')).toBe(false)
    expect(canTransition('litigation', 'collection')).toBe(false)
    expect(canTransition('new', 'enforcement')).toBe(false)
    for (const s of STAGES) expect(canTransition('closed', s)).toBe(false)
    expect(nextStages('closed')).toEqual([])
    expect(nextStages('enforcement')).toEqual(['negotiation', 'closed'])
  })

  it('says what each stage requires', () => {
    expect(requiredFor('litigation').map((r) => r.field)).toEqual(['court', 'filingDate'])
    expect(requiredFor('closed')[0]).toMatchObject({ field: 'closeReason', zh: '结案原因' })
    expect(requiredFor('closed')[0].oneOf).toEqual(['full_recovery', 'settlement_performed', 'write_off', 'suit_withdrawn', 'enforcement_terminated'])
    expect(requiredFor('collection')).toEqual([])
  })

  it('checks the data of a move into 诉讼', () => {
    expect(checkTransition('collection', 'litigation', { court: ' 杭州市西湖区人民法院 ', filingDate: '2025-03-03', caseNumber: '(2025)浙0106民初88号' }, '2025-03-05')).toEqual({
      court: '杭州市西湖区人民法院',
      filingDate: '2025-03-03',
      caseNumber: '（2025）浙0106民初88号',
    })
    expect(codeOf(() => checkTransition('collection', 'litigation', { court: '西湖法院' }, '2025-03-05'))).toBe('STAGE_DATA_MISSING')
    expect(codeOf(() => checkTransition('collection', 'litigation', { court: '西湖法院', filingDate: '2025-03-09' }, '2025-03-05'))).toBe('STAGE_DATA_INVALID')
    expect(codeOf(() => checkTransition('collection', 'litigation', { court: '西湖法院', filingDate: '2025-03-03', caseNumber: '浙0106民初88号' }, '2025-03-05'))).toBe('CASE_NUMBER_INVALID')
  })

  it('checks the reason of a move into 结案', () => {
    expect(checkTransition('enforcement', 'closed', { closeReason: 'enforcement_terminated' }, '2025-03-05')).toEqual({ closeReason: 'enforcement_terminated' })
    expect(codeOf(() => checkTransition('negotiation', 'closed', {}, '2025-03-05'))).toBe('STAGE_DATA_MISSING')
    expect(codeOf(() => checkTransition('negotiation', 'closed', { closeReason: 'gave_up' }, '2025-03-05'))).toBe('STAGE_DATA_INVALID')
  })

  it('gives zh/en errors for unknown, unchanged and forbidden moves', () => {
    expect(codeOf(() => checkTransition('draft', 'collection', {}, '2025-03-05'))).toBe('STAGE_UNKNOWN')
    expect(codeOf(() => checkTransition('collection', 'collection', {}, '2025-03-05'))).toBe('STAGE_UNCHANGED')
    try {
      checkTransition('enforcement', 'litigation', {}, '2025-03-05')
      expect.unreachable()
    } catch (e) {
      expect(e).toMatchObject({ code: 'STAGE_TRANSITION_NOT_ALLOWED', message: '不能从"执行"转到"诉讼"（可转到：协商、结案）' })
      expect((e as { messageEn: string }).messageEn).toBe('Cannot move from "enforcement" to "litigation" (allowed: negotiation, closed)')
    }
    expect((() => { try { checkTransition('closed', 'collection', {}, '2025-03-05') } catch (e) { return (e as Error).message } })()).toContain('已结案')
  })
})
