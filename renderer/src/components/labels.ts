import { STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import type { Lang } from '../i18n'

export const stageLabel = (stage: Stage, lang: Lang) => (lang === 'en' ? STAGE_LABELS[stage].en : STAGE_LABELS[stage].zh)

export const STAGE_COLORS: Record<Stage, string> = {
  new: 'blue', collection: 'orange', negotiation: 'gold', mediation: 'cyan', litigation: 'red', enforcement: 'volcano', closed: 'default',
}
