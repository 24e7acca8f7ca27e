import { z } from 'zod'
import type { JobStarted } from '../../domain/jobs'
import {
  batchInput, firmSettingsInput, generateInput, templateCopyInput, templateGetInput, templateListInput, templatePreviewInput, templateSaveInput,
  type DocumentRecord, type FirmSettings, type GeneratedDocumentView, type RegeneratedDocumentView, type TemplatePreview, type TemplateSummary, type TemplateView,
} from '../../domain/documents'
import { id } from '../../domain/fields'
import { byId, channel, none } from '../channel'

const getDocumentInput = z.strictObject({ id, withBytes: z.boolean().default(true) })

/** Documents (issue 4): generate, list, fetch and regenerate a case's documents; templates; batches. */
export const documentsChannels = {
  'documents.generate': channel<typeof generateInput, GeneratedDocumentView>(generateInput, 'Fill a document type for a case (claim as of a date), render DOCX or PDF, store and register it on the case; returns the record, the fields printed as blanks, and the bytes (base64) for the preview.'),
  'documents.listForCase': channel<typeof byId, DocumentRecord[]>(byId, 'The documents generated for a case (id = case id), newest first.'),
  'documents.get': channel<typeof getDocumentInput, GeneratedDocumentView>(getDocumentInput, 'One stored document with its file (base64) for preview, save or print.'),
  'documents.regenerate': channel<typeof byId, RegeneratedDocumentView>(byId, 'Render a stored document again from its input snapshot and template version; `identical` says the bytes match.'),
  'documents.batch': channel<typeof batchInput, JobStarted>(batchInput, 'Start a batch job: one type for every case of a filter, files `{caseNo}-{type}.{ext}` in a folder (+ one combined PDF for printing). Follow it with jobs.get; an unwritable folder is refused before it starts.'),
  'documents.firmSettings': channel<typeof none, FirmSettings>(none, 'The firm and lawyer printed on documents (blank until set).'),
  'documents.saveFirmSettings': channel<typeof firmSettingsInput, FirmSettings>(firmSettingsInput, 'Set the firm and lawyer printed on documents.'),

  'templates.list': channel<typeof templateListInput, TemplateSummary[]>(templateListInput, 'Built-in and user templates, optionally of one document type.'),
  'templates.get': channel<typeof templateGetInput, TemplateView>(templateGetInput, 'A template with its text and the placeholders its type may use (an older version by number).'),
  'templates.copy': channel<typeof templateCopyInput, TemplateView>(templateCopyInput, 'Copy a template (usually a built-in) into an editable user template at version 1.'),
  'templates.save': channel<typeof templateSaveInput, TemplateView>(templateSaveInput, 'Save a user template’s text: checked first (errors name the line), then its version goes up by one.'),
  'templates.preview': channel<typeof templatePreviewInput, TemplatePreview>(templatePreviewInput, 'Render unsaved template text as PDF for the live preview, from a case or a sample.'),
} as const
