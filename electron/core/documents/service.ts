import type { BatchParams, FirmSettings, TemplatePreview, TemplateSummary, TemplateView } from '../../../shared/domain/documents'
import type { JobStarted } from '../../../shared/domain/jobs'
import type { CoreContext } from '../context'
import { UserError } from '../errors'
import { assertWritableDir, batchCases, checkBatchParams, type BatchUnit } from './batch-plan'
import { buildCaseContext, recordPersonalDataUse, type ClaimForLoan } from './case-context'
import { caseDocuments, registerDocument, type GenerateForCase, type RenderedDocument } from './case-documents'
import { sampleDocumentContext } from './sample-context'
import { readFirmSettings, writeFirmSettings } from './firm-settings'
import { generateDocument } from './generate'
import { setResourcesDir } from './resources'
import { copyTemplate, getTemplate, listTemplates, saveTemplate, syncBuiltinTemplates } from './template-store'
import { assertDocumentType } from './templates'
import { writeTransaction } from './write-tx'

/** What the documents service needs from its peers (the calculator; the job runner for batches). */
export interface DocumentPeers {
  calc: { claimForLoan: ClaimForLoan }
  jobs: { start(kind: string, params: unknown): Promise<JobStarted> }
}

/**
 * Documents as a service: generate one for a case (registered, with its snapshot), list, fetch and
 * regenerate them, manage templates, the firm's details, and start batches as jobs.
 */
export function documentService(ctx: CoreContext, peers: () => DocumentPeers) {
  // Workers and the packaged app find fonts and templates where the platform says.
  setResourcesDir(ctx.platform.resourcesDir)
  const { kysely } = ctx.db
  const docs = caseDocuments(ctx, (loanId, asOf) => peers().calc.claimForLoan(loanId, asOf))
  let synced: Promise<void> | undefined
  /** The built-in templates are seeded into the store at first use (and updated after an app update). */
  const ready = () => (synced ??= writeTransaction(kysely, (ex) => syncBuiltinTemplates(ex, ctx.nowIso())).catch((e) => {
    synced = undefined
    throw e
  }))
  const actor = () => ({ actor: ctx.platform.actor, at: ctx.nowIso() })

  return {
    /** Generate and register one document (workers may call it: it does not touch template rows). */
    generateForCase: (input: GenerateForCase) => docs.generate(input),
    /** Several documents of one case from one context (filing packs, in a worker). */
    generateSetForCase: (...args: Parameters<typeof docs.generateSet>) => docs.generateSet(...args),

    /** A batch worker's step: render and store one case's document, leaving its registration to `registerRendered`. */
    async renderForCase(input: GenerateForCase): Promise<RenderedDocument & { path?: string }> {
      const { row, borrowerId, missing, path } = await docs.render(input)
      return { row, borrowerId, missing, path }
    },

    /** Registers documents the batch workers rendered, many in one transaction (one per letter cost more than rendering some). */
    registerRendered: (rendered: RenderedDocument[]) => writeTransaction(kysely, async (ex) => {
      for (const d of rendered) await registerDocument(ex, ctx.platform.actor, d)
    }),

    /** Generate one document for a case; a given output folder is checked before any work. */
    async generate(input: GenerateForCase) {
      const outDir = input.outDir === undefined ? undefined : assertWritableDir(input.outDir)
      await ready()
      return docs.generate({ ...input, outDir })
    },
    listForCase: (caseId: string) => docs.listForCase(caseId),
    get: (id: string) => docs.get(id),
    async regenerate(id: string) {
      await ready()
      return docs.regenerate(id)
    },

    async listTemplates(docType?: string): Promise<TemplateSummary[]> {
      await ready()
      return listTemplates(kysely, docType)
    },
    async getTemplate(id: string, version?: number): Promise<TemplateView> {
      await ready()
      return getTemplate(kysely, id, version)
    },
    async copyTemplate(id: string, name?: string): Promise<TemplateView> {
      await ready()
      return writeTransaction(kysely, (ex) => copyTemplate(ex, { id, name, newId: ctx.newId(), ...actor() }))
    },
    async saveTemplate(input: { id: string; body: string; name?: string; pageNumbers?: boolean }): Promise<TemplateView> {
      await ready()
      return writeTransaction(kysely, (ex) => saveTemplate(ex, { ...input, ...actor() }))
    },

    /**
     * The live preview of a template being edited: checked like a save (errors name the line), filled
     * from a case (its personal data use audited) or from a built-in sample, rendered as PDF.
     */
    async previewTemplate(input: { docType: string; body: string; caseId?: string; asOf?: string }): Promise<TemplatePreview> {
      assertDocumentType(input.docType)
      const source = { id: 'preview', version: 1, title: (await getTemplateTitle(input.docType)) ?? input.docType, body: input.body }
      let context = sampleDocumentContext(ctx.today())
      if (input.caseId) {
        const built = await buildCaseContext(kysely, peers().calc.claimForLoan, input.caseId, { asOf: input.asOf ?? ctx.today(), generatedOn: ctx.today() })
        await writeTransaction(kysely, (ex) => recordPersonalDataUse(ex, { ...actor(), borrowerId: built.borrowerId, purpose: `template-preview:${input.docType}` }))
        context = built.context
      }
      const out = await generateDocument(input.docType, context, { format: 'pdf', template: source })
      return { bytesBase64: Buffer.from(out.bytes).toString('base64'), missing: out.missing }
    },

    getFirmSettings: (): Promise<FirmSettings> => readFirmSettings(kysely),
    saveFirmSettings: (value: FirmSettings): Promise<FirmSettings> => writeTransaction(kysely, (ex) => writeFirmSettings(ex, value, ctx.platform.actor, ctx.nowIso())),

    /** Checks a batch and lists its cases (the job's plan, in the main thread). */
    async planBatch(p: BatchParams): Promise<BatchUnit[]> {
      checkBatchParams(p)
      assertWritableDir(p.outDir)
      await ready()
      if (p.templateId) {
        const t = await getTemplate(kysely, p.templateId)
        if (t.docType !== p.type) throw new UserError('TEMPLATE_WRONG_TYPE', `模板 ${t.name} 不是“${p.type}”类型的模板`, `Template ${t.name} is not a "${p.type}" template`, { field: 'templateId' })
      }
      return batchCases(kysely, p, ctx.today())
    },

    /** Start a batch as a job; a folder that cannot be written is refused here, before anything runs. */
    async startBatch(p: BatchParams): Promise<JobStarted> {
      checkBatchParams(p)
      const outDir = assertWritableDir(p.outDir)
      return peers().jobs.start('documents.batch', { ...p, outDir })
    },
  }

  async function getTemplateTitle(docType: string): Promise<string | undefined> {
    await ready()
    return (await kysely.selectFrom('templates').select('name').where('doc_type', '=', docType).where('builtin', '=', 1).executeTakeFirst())?.name
  }
}

export type DocumentService = ReturnType<typeof documentService>
