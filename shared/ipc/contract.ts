import type { z } from 'zod'
import { calcChannels } from './channels/calc'
import { collectionChannels } from './channels/collection'
import { collectionFactsChannels } from './channels/collection-facts'
import { reviewChannels } from './channels/review'
import { jobChannels } from './channels/jobs'
import { evidenceChannels } from './channels/evidence'
import { documentsChannels } from './channels/documents'
import { storeChannels } from './channels/store'
import { reportsChannels } from './channels/reports'
import { importChannels } from './channels/import'
import type { Result } from './result'

/**
 * The one contract between the UI (through the Electron preload or the web bridge) and the core: every
 * channel, gathered from one file per area under ./channels. Each names its input schema — the only place
 * runtime validation of outside input happens — and its output type. A channel exists in the app, the web
 * bridge and the CLI once it is here and has a handler in electron/core/handlers/.
 */
export const contract = {
  ...storeChannels,
  ...calcChannels,
  ...collectionChannels,
  ...collectionFactsChannels,
  ...reportsChannels,
  ...reviewChannels,
  ...jobChannels,
  ...evidenceChannels,
  ...importChannels,
  ...documentsChannels,
} as const

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>

/** The typed API both the preload's window.api and the web bridge client implement. */
export type Api = {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>
}

export const CHANNELS = Object.keys(contract) as ChannelName[]
