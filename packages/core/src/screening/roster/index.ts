export { normaliseRosterHeader, type RosterColumn, type RosterColumnKind, rosterColumns } from './roster-columns.js';
export { type CsvPersonRows, csvColumnsOf } from './roster-csv-people.js';
export {
  MAX_ROSTER_RECORD_CHARS,
  ROSTER_RECORD_TOO_LONG,
  ROSTER_TEXT_AFTER_QUOTE,
  ROSTER_UNTERMINATED_QUOTE,
  type RosterCsvRecord,
  RosterCsvTokenizer,
} from './roster-csv-tokenizer.js';
export { MAX_JSON_LINE_CHARS, notRoster, type RosterFormat, type RosterFrame, RosterFramer } from './roster-framer.js';
export {
  type CsvColumns,
  csvColumnsFor,
  type ParsedRosterFrame,
  parseRosterFrame,
  type RosterEvent,
  RosterFrameReader,
  RosterIdRegister,
  RosterReader,
  readRosterText,
} from './roster-reader.js';
export {
  DOB_REQUIRED,
  formatRowError,
  parseRosterJsonLine,
  type RosterIssue,
  type RosterLineResult,
  type RosterRecordResult,
  type RosterRowError,
  validateRosterRecord,
} from './roster-record.js';
export * from './roster-summary.js';
export * from './roster-writers.js';
export * from './screen-roster.js';
