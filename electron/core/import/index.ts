/**
 * Bulk import, reading and normalising half: the pieces the import job, the CLI and the wizard call.
 * Typical flow: readHeader → proposeMapping (user adjusts; saved mappings checked with mappingSchema)
 * → resolveMapping → for each readRows row: validateRow → DuplicateTracker.check → write →
 * writeRejectedCsv / writeRejectedXlsx for what did not import.
 */
export { readHeader, readRows, type ReadOptions, type SheetHeader } from './read-rows'
export { detectEncoding } from './encoding'
export { detectDelimiter } from './delimiter'
export { CANONICAL_FIELDS, FIELD_SPECS, headerKey, type CanonicalField } from './fields'
export { mappingSchema, proposeMapping, resolveMapping, REQUIRED_FIELDS, type Mapping, type MappedColumn, type ResolvedMapping } from './mapping'
export { normalizeDate, excelSerialToIso } from './normalize-date'
export { normalizeAmountFen } from './normalize-amount'
export { normalizeRate, type NormalizedRate, type RateOptions } from './normalize-rate'
export { normalizePhones } from './normalize-phone'
export { normalizeIdNumberCell, normalizeCreditCodeCell } from './normalize-identity'
export { validateRow, type RowDefaults, type RowResult } from './validate-row'
export { DuplicateTracker, type DuplicateCheck } from './duplicates'
export { writeRejectedCsv, writeRejectedXlsx, describeErrors, ERROR_COLUMN, SOURCE_ROW_COLUMN, type RejectedRow } from './rejected-export'
export { writeImportTemplate, TEMPLATE_EXAMPLE } from './template'
export type { FileInfo, ReadRow, RowError, NormalizedRow, RateKind, RepaymentMethod, CsvEncoding, CsvDelimiter } from './types'
