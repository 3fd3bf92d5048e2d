import { isPathwayId, type PathwayResultBody, type ScreeningRunBody } from '@redress/core';
import type { ScreeningResultRow, ScreeningRunRow } from '@redress/db';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentScreeningRun = (run: ScreeningRunRow): ScreeningRunBody => ({
  id: run.id,
  name: run.name,
  asOf: run.as_of,
  pathways: run.pathways ? run.pathways.filter(isPathwayId) : null,
  // `uploading` runs are never read out; a run mid-upload would read as queued.
  state: run.state === 'uploading' ? 'queued' : run.state,
  fileName: run.file_name,
  fileBytes: run.file_bytes,
  bytesRead: run.bytes_read,
  peopleScreened: run.people_screened,
  rowErrors: run.row_errors,
  failureReason: run.failure_reason,
  ruleBookVersion: run.rule_book_version,
  createdBy: run.created_by ? { id: run.created_by, name: run.created_by_name ?? '' } : null,
  createdAt: run.created_at.toISOString(),
  startedAt: iso(run.started_at),
  finishedAt: iso(run.finished_at),
  summary: run.summary as ScreeningRunBody['summary'],
});

export const presentScreeningResult = (row: ScreeningResultRow) => ({
  subjectId: row.subject_id,
  name: row.name,
  line: row.line,
  result: {
    ...row.result,
    pathway: row.pathway,
    status: row.status,
    eligible_from: row.eligible_from,
  } as PathwayResultBody,
});
