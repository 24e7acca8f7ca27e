import type { ChannelName, OutputOf, ParsedInputOf } from '../../../shared/ipc/contract'
import type { Services } from '../services'

/** Handlers for some channels: each gets the services and its already-parsed input. */
export type HandlersFor<K extends ChannelName> = { [C in K]: (s: Services, input: ParsedInputOf<C>) => Promise<OutputOf<C>> }
