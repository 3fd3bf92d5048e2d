import {
  type IdentifierSystem,
  normaliseIdentifier,
  readRoster,
  type ScreeningSubject,
  screeningFactsFromSubject,
} from '@redress/core';
import {
  type Executor,
  findIdentifierHolder,
  findPersonForViewer,
  insertIdentifiers,
  insertPerson,
  isUniqueViolation,
  listSubjectResults,
  readScreeningChunks,
  saveScreeningFacts,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { identifierTaken } from '../people/create-person.js';
import { viewerOf } from '../people/person-access.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { loadScreeningRun } from './screening-access.js';

class Found extends Error {
  constructor(readonly subject: ScreeningSubject) {
    super('found');
  }
}

/** Reads the stored roster again up to the person's line (runs keep results, not the records themselves). */
export const readSubject = async (db: Executor, runId: string, subjectId: string, line: number) => {
  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const bytes of readScreeningChunks(db, runId)) yield decoder.decode(bytes, { stream: true });
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  try {
    await readRoster(text(), {
      onSubject: (subject, at) => {
        if (at === line && subject.id === subjectId) throw new Found(subject);
      },
    });
  } catch (e) {
    if (e instanceof Found) return e.subject;
    throw e;
  }
  return null;
};

/** The identifier a roster id most likely is: a CDCR or BOP number when it reads as one, else "other". */
const identifierOf = (subject: ScreeningSubject, runName: string) => {
  const system: IdentifierSystem = subject.jurisdiction === 'CA' ? 'cdcr' : 'bop';
  const official = normaliseIdentifier(system, subject.id);
  if (official.ok) return { system, value: official.value, issuer: null };
  const other = normaliseIdentifier('other', subject.id);
  return other.ok
    ? { system: 'other' as const, value: other.value, issuer: `Screening roster: ${runName}`.slice(0, 200) }
    : null;
};

/**
 * Opens a person of a screening run's roster as a new person of the case file: name, date of birth,
 * custody status and the roster id as an identifier (a CDCR or BOP number when it reads as one),
 * with the roster's screening facts. The intake proper (convictions, custody, conflict check) is
 * done on the person's page. A roster person opened before (their identifier is recorded) is found,
 * not created twice. Needs `data.import` (to read the run) and `matter.create` (to record people).
 */
export const openPersonFromScreening = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: { runId: string; subjectId: string },
): Promise<{ personId: string }> => {
  const db = deps.database.db;
  const run = await loadScreeningRun(db, ctx, input.runId);
  const principal = authorizeWorkspace(ctx, 'matter.create');
  const [first] = await listSubjectResults(db, run.id, input.subjectId);
  const subject = first ? await readSubject(db, run.id, input.subjectId, first.line) : null;
  if (!subject) return failWith('not_found', 'screening_subject.not_found', 'No such person in this run');
  const identifier = identifierOf(subject, run.name);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const viewer = viewerOf(ctx);
    if (identifier) {
      const holder = await findIdentifierHolder(tx, identifier.system, identifier.value);
      if (holder) {
        if (await findPersonForViewer(tx, viewer, holder.person_id)) return { personId: holder.person_id };
        identifierTaken({ subjectId: 'Already recorded for another person' });
      }
    }
    const id = deps.newId();
    const now = deps.clock.now();
    const legalName = (subject.person.name?.trim() || `Roster person ${subject.id}`).slice(0, 200);
    await insertPerson(tx, {
      id,
      legal_name: legalName,
      date_of_birth: subject.person.dob ?? null,
      status: subject.person.currently_incarcerated === false ? 'released' : 'in_custody',
      notes:
        `Opened from the screening run "${run.name}" (as of ${run.as_of}), roster line ${first?.line}, id ${subject.id}. ` +
        'The intake (convictions, custody, conflict check) is still to be done.',
      created_by: principal.userId,
      now,
    });
    if (identifier) {
      try {
        await insertIdentifiers(tx, [{ id: deps.newId(), personId: id, ...identifier }]);
      } catch (e) {
        if (isUniqueViolation(e)) identifierTaken({ subjectId: 'Already recorded for another person' });
        throw e;
      }
    }
    await saveScreeningFacts(tx, {
      personId: id,
      facts: screeningFactsFromSubject(subject),
      updatedBy: principal.userId,
      now,
    });
    await audit({
      action: 'person.created',
      entityType: 'person',
      entityId: id,
      details: {
        personId: id,
        legalName,
        source: 'screening_run',
        runId: run.id,
        subjectId: subject.id,
        identifiers: identifier ? [{ system: identifier.system, value: identifier.value }] : [],
      },
    });
    return { personId: id };
  });
};
