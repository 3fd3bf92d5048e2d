import {
  type CalendarDate,
  DEFAULT_DECISION_MAKERS,
  intakeSummaryFields,
  normaliseIdentifier,
  normaliseName,
} from '@redress/core';
import {
  ensureFacility,
  findUserById,
  insertAliases,
  insertContact,
  insertContactLink,
  insertConviction,
  insertConvictionParties,
  insertCorrespondence,
  insertIdentifiers,
  insertIntake,
  insertMatter,
  insertNote,
  insertPerson,
  insertPlacement,
  insertSentenceEvent,
  insertStageChange,
  insertTask,
  insertTeamMember,
  insertUser,
  insertVisit,
  insertVisitors,
  listPeople,
  nextIntakeReference,
  replaceCounts,
  replaceNoteMentions,
  saveScreeningFacts,
  type Tx,
  upsertAttorneyProfile,
} from '@redress/db';
import { sql } from 'kysely';
import { systemContext } from '../context.js';
import { type AppDeps, type Audit, inTransaction } from '../deps.js';
import { TRANSFER_MAIL_HOLD_REASON } from '../use-cases/people/custody-placements.js';
import { checkDemoStory, type DemoCounts, demoCounts } from './check-demo-story.js';
import { DEMO_STORY } from './demo-story.js';
import type { DemoDay, DemoFacilityKey, DemoMatter, DemoPerson, DemoStory, DemoUserKey } from './demo-types.js';

export type SeedDemoResult = { seeded: true; counts: DemoCounts } | { seeded: false };

const DEMO_SEED_LOCK_KEY = 727_006;
const DAY_MS = 86_400_000;

/** What the writers share: the transaction, ids of what is already written, and the day of the seed. */
type Seeding = {
  tx: Tx;
  audit: Audit;
  deps: Pick<AppDeps, 'clock' | 'newId'>;
  now: Date;
  users: ReadonlyMap<DemoUserKey, string>;
  facilities: ReadonlyMap<DemoFacilityKey, { id: string; name: string }>;
  people: Map<string, string>;
  matters: Map<string, string>;
};

/** A story day as an instant: dates at 17:00 UTC (plus `minutes`, to keep same-day steps in order). */
const instantOf = (s: Seeding, day: DemoDay, minutes = 0): Date =>
  typeof day === 'string'
    ? new Date(Date.parse(`${day}T17:00:00.000Z`) + minutes * 60_000)
    : new Date(s.now.getTime() + day.daysFromSeed * DAY_MS + minutes * 60_000);

const dayOf = (s: Seeding, day: DemoDay): CalendarDate =>
  typeof day === 'string' ? day : instantOf(s, day).toISOString().slice(0, 10);

const userId = (s: Seeding, key: DemoUserKey): string => {
  const id = s.users.get(key);
  if (!id) throw new Error(`demo story: no user ${key}`);
  return id;
};

/**
 * Fills an empty workspace with the demo story (see demo-story.ts): its team, clients, matters,
 * contacts and the facilities they are held in, in one transaction with audit entries, so the
 * activity feeds and the audit log tell the same story. Does nothing once anyone is on record.
 */
export const seedDemoWorkspace = (
  deps: Pick<AppDeps, 'database' | 'clock' | 'newId'>,
  options: { adminUserId: string; story?: DemoStory },
): Promise<SeedDemoResult> =>
  inTransaction(deps, systemContext('demo seed'), async (tx, audit) => {
    const story = options.story ?? DEMO_STORY;
    await sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK_KEY})`.execute(tx);
    const anyone = await listPeople(tx, null, { sort: { key: 'name', isDescending: false }, limit: 1 });
    if (anyone.length > 0) return { seeded: false };
    const problems = checkDemoStory(story);
    if (problems.length > 0) throw new Error(`the demo story does not hold together:\n${problems.join('\n')}`);
    const admin = await findUserById(tx, options.adminUserId);
    if (admin?.role !== 'administrator') throw new Error('the demo workspace is seeded for its administrator');

    const now = deps.clock.now();
    const users = new Map<DemoUserKey, string>();
    for (const u of story.users) {
      const user = await insertUser(tx, {
        id: deps.newId(),
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: null,
        now,
      });
      users.set(u.key, user.id);
      await audit({
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        details: { email: user.email, role: user.role, demo: true },
      });
    }
    const facilities = new Map<DemoFacilityKey, { id: string; name: string }>();
    for (const f of story.facilities) {
      const id = await ensureFacility(tx, {
        id: deps.newId(),
        code: f.code,
        name: f.name,
        jurisdiction: f.jurisdiction,
        kind: f.kind,
        street_address: f.streetAddress,
        mailing_address: f.mailingAddress,
        city: f.city,
        state: f.state,
        zip: f.zip,
        visiting_info: f.visitingInfo,
        source: f.source,
        now,
      });
      facilities.set(f.key, { id, name: f.name });
    }

    const s: Seeding = { tx, audit, deps, now, users, facilities, people: new Map(), matters: new Map() };
    for (const person of story.people) await writePerson(s, person);
    await writeContacts(s, story);
    await writeIntakeAndVisits(s, story);

    const counts = demoCounts(story);
    await audit({
      action: 'demo.seeded',
      entityType: 'organisation',
      entityId: '1',
      details: { administratorId: admin.id, ...counts },
    });
    return { seeded: true, counts };
  });

const writePerson = async (s: Seeding, p: DemoPerson) => {
  const { tx, deps, now } = s;
  const id = deps.newId();
  s.people.set(p.key, id);
  await insertPerson(tx, {
    id,
    external_id: null,
    legal_name: p.legalName,
    date_of_birth: p.dateOfBirth,
    gender: p.gender,
    preferred_language: p.preferredLanguage,
    status: p.status,
    phone: null,
    email: null,
    mailing_address: p.mailingAddress ?? null,
    notes: p.notes ?? null,
    mail_hold_since: null,
    mail_hold_reason: null,
    created_by: userId(s, p.createdBy),
    now,
  });
  const aliases = p.aliases ?? [];
  await insertAliases(
    tx,
    aliases.map((a) => ({ id: deps.newId(), personId: id, name: a.name, kind: a.kind })),
  );
  const identifiers = p.identifiers.map((i) => {
    const checked = normaliseIdentifier(i.system, i.value);
    return { system: i.system, value: checked.ok ? checked.value : i.value, issuer: i.issuer ?? null };
  });
  await insertIdentifiers(
    tx,
    identifiers.map((i) => ({ id: deps.newId(), personId: id, ...i })),
  );
  await s.audit({
    action: 'person.created',
    entityType: 'person',
    entityId: id,
    details: {
      personId: id,
      legalName: p.legalName,
      status: p.status,
      aliases: aliases.length,
      identifiers: identifiers.map((i) => ({ system: i.system, value: i.value })),
      demo: true,
    },
  });

  for (const pl of p.placements) {
    const facility = s.facilities.get(pl.facility);
    if (!facility) throw new Error(`demo story: no facility ${pl.facility}`);
    const placement = await insertPlacement(tx, {
      id: deps.newId(),
      person_id: id,
      facility_id: facility.id,
      facility_name: pl.facilityName ?? facility.name,
      housing: pl.housing,
      from_date: pl.from,
      to_date: pl.to,
      learned_from: pl.learnedFrom,
      address_confirmed_at: pl.mailHold?.releasedOn ?? null,
      now,
    });
    if (pl.mailHold) {
      await s.audit({
        action: 'person.mail_hold_released',
        entityType: 'person',
        entityId: id,
        details: {
          personId: id,
          since: pl.mailHold.since,
          reason: TRANSFER_MAIL_HOLD_REASON,
          confirmedOn: pl.mailHold.releasedOn,
          placementId: placement.id,
          demo: true,
        },
      });
    }
  }

  const convictionIds = new Map<string, string>();
  for (const c of p.convictions) {
    const conviction = await insertConviction(tx, {
      id: deps.newId(),
      person_id: id,
      case_number: c.caseNumber,
      court: c.court,
      county: c.county,
      jurisdiction: c.jurisdiction,
      offense_start: c.offenseStart,
      offense_end: c.offenseEnd ?? null,
      conviction_date: c.convictionDate,
      disposition: c.disposition,
      enhancements: [...(c.enhancements ?? [])],
      special_circumstances: [...(c.specialCircumstances ?? [])],
      prosecutor: c.prosecutor ?? null,
      defense_counsel: c.defenseCounsel ?? null,
      judge: c.judge ?? null,
      now,
    });
    convictionIds.set(c.caseNumber, conviction.id);
    await replaceCounts(
      tx,
      conviction.id,
      c.counts.map((count) => ({
        id: deps.newId(),
        statute: count.statute,
        description: count.description,
        degree: count.degree ?? null,
        isAttempt: count.isAttempt ?? false,
      })),
    );
    await insertConvictionParties(
      tx,
      conviction.id,
      (c.parties ?? []).map((party) => ({
        id: deps.newId(),
        role: party.role,
        name: party.name,
        notify: party.notify ?? false,
        notes: party.notes ?? null,
      })),
    );
    for (const e of c.sentence) {
      await insertSentenceEvent(tx, {
        id: deps.newId(),
        convictionId: conviction.id,
        kind: e.kind,
        date: e.date,
        authority: e.authority,
        authority_name: e.authorityName ?? null,
        term: e.term ?? null,
        execution_method: e.executionMethod ?? null,
        document_id: null,
        note: e.note ?? null,
        now,
      });
    }
  }

  if (p.screeningFacts) {
    const { convictions, ...facts } = p.screeningFacts;
    const byId = Object.fromEntries(
      Object.entries(convictions ?? {}).map(([caseNumber, f]) => {
        const convictionId = convictionIds.get(caseNumber);
        if (!convictionId) throw new Error(`demo story: ${p.key} has no conviction ${caseNumber}`);
        return [convictionId, f];
      }),
    );
    await saveScreeningFacts(tx, {
      personId: id,
      facts: { ...facts, ...(convictions ? { convictions: byId } : {}) },
      updatedBy: null,
      now,
    });
  }

  for (const m of p.matters) await writeMatter(s, id, m);
};

const writeMatter = async (s: Seeding, personId: string, m: DemoMatter) => {
  const { tx, deps, now } = s;
  const id = deps.newId();
  if (m.key) s.matters.set(m.key, id);
  const current = m.stages.at(-1);
  if (!current) throw new Error(`demo story: ${m.title} has no stage`);
  const [leadKey] = m.team[0] ?? [];
  const opener = leadKey ? userId(s, leadKey) : null;
  await insertMatter(tx, {
    id,
    external_id: null,
    person_id: personId,
    type: m.type,
    title: m.title,
    stage: current[0],
    decision_maker: m.decisionMaker === undefined ? (DEFAULT_DECISION_MAKERS[m.type] ?? null) : m.decisionMaker,
    opened_on: m.openedOn,
    closed_on: m.closedOn ?? null,
    outcome: m.outcome,
    release_date: m.releaseDate ?? null,
    created_by: opener,
    created_at: now,
    updated_at: now,
  });
  let fromStage: string | null = null;
  for (const [index, [stage, on]] of m.stages.entries()) {
    await insertStageChange(tx, {
      id: deps.newId(),
      matterId: id,
      fromStage,
      toStage: stage,
      changedBy: opener,
      now: instantOf(s, on, index),
    });
    fromStage = stage;
  }
  for (const [user, matterRole] of m.team) {
    await insertTeamMember(tx, { matterId: id, userId: userId(s, user), matterRole, now });
  }
  await s.audit({
    action: 'matter.opened',
    entityType: 'matter',
    entityId: id,
    details: {
      personId,
      type: m.type,
      stage: current[0],
      outcome: m.outcome,
      ...(m.releaseDate ? { releaseDate: m.releaseDate } : {}),
      demo: true,
    },
  });

  for (const t of m.tasks ?? []) {
    const taskId = deps.newId();
    const dueOn = t.due === undefined ? null : dayOf(s, t.due);
    const assigneeId = t.assignee ? userId(s, t.assignee) : null;
    await insertTask(tx, {
      id: taskId,
      matter_id: id,
      title: t.title,
      assignee_id: assigneeId,
      due_on: dueOn,
      status: t.status,
      created_by: userId(s, t.createdBy),
      created_at: instantOf(s, t.createdOn),
      completed_at: t.completedOn === undefined ? null : instantOf(s, t.completedOn),
    });
    await s.audit({
      action: 'task.created',
      entityType: 'matter',
      entityId: id,
      details: { taskId, title: t.title, assigneeId, dueOn, demo: true },
    });
  }
  for (const n of m.notes ?? []) {
    const noteId = deps.newId();
    const at = instantOf(s, n.on);
    await insertNote(tx, {
      id: noteId,
      matter_id: id,
      body: n.body,
      is_privileged: n.isPrivileged,
      author_id: userId(s, n.author),
      created_at: at,
      updated_at: at,
    });
    const mentions = (n.mentions ?? []).map((u) => userId(s, u));
    await replaceNoteMentions(tx, noteId, mentions);
    await s.audit({
      action: 'note.created',
      entityType: 'matter',
      entityId: id,
      details: { noteId, isPrivileged: n.isPrivileged, mentions, demo: true },
    });
  }
};

const writeContacts = async (s: Seeding, story: DemoStory) => {
  const { tx, deps, now } = s;
  for (const c of story.contacts) {
    const contact = await insertContact(tx, {
      id: deps.newId(),
      external_id: null,
      kind: c.kind,
      name: c.name,
      name_search: normaliseName(c.name),
      organisation: c.organisation,
      title: c.title,
      email: c.email ?? null,
      phone: c.phone ?? null,
      address: c.address ?? null,
      notes: c.notes ?? null,
      created_by: userId(s, c.createdBy),
      created_at: now,
      updated_at: now,
    });
    await s.audit({
      action: 'contact.created',
      entityType: 'contact',
      entityId: contact.id,
      details: { kind: contact.kind, name: contact.name, demo: true },
    });
    for (const link of c.links) {
      const personId = 'person' in link ? s.people.get(link.person) : undefined;
      const matterId = 'matter' in link ? s.matters.get(link.matter) : undefined;
      if (!personId && !matterId) throw new Error(`demo story: contact ${c.name} links to nothing`);
      const linkId = deps.newId();
      await insertContactLink(tx, {
        id: linkId,
        contactId: contact.id,
        personId: personId ?? null,
        matterId: matterId ?? null,
        relationship: link.relationship,
      });
      await s.audit({
        action: 'contact.linked',
        entityType: matterId ? 'matter' : 'person',
        entityId: matterId ?? personId ?? null,
        details: { contactId: contact.id, linkId, relationship: link.relationship, demo: true },
      });
    }
  }
};

const HOUR_MS = 3_600_000;

/** The lead attorney's profile, the triage queue, and the death-row client's letters and visits. */
const writeIntakeAndVisits = async (s: Seeding, story: DemoStory) => {
  const { tx, deps, now } = s;
  for (const a of story.attorneyProfiles ?? []) {
    const user = story.users.find((u) => u.key === a.user);
    if (!user) throw new Error(`demo story: no user ${a.user}`);
    const id = userId(s, a.user);
    await upsertAttorneyProfile(
      tx,
      id,
      {
        displayName: user.name,
        title: a.title,
        barNumber: a.barNumber,
        barState: a.barState,
        barAddressLines: [...a.barAddressLines],
        phone: a.phone ?? null,
        email: a.email ?? null,
      },
      now,
    );
    await s.audit({ action: 'attorney_profile.updated', entityType: 'user', entityId: id, details: { demo: true } });
  }

  for (const i of story.intakes ?? []) {
    const facility = i.facility ? s.facilities.get(i.facility) : undefined;
    if (i.facility && !facility) throw new Error(`demo story: no facility ${i.facility}`);
    const questionnaire = facility
      ? { ...i.questionnaire, background: { ...i.questionnaire.background, facilityId: facility.id } }
      : i.questionnaire;
    const summary = intakeSummaryFields(questionnaire);
    const receivedOn = dayOf(s, i.receivedOn);
    const id = deps.newId();
    const reference = await nextIntakeReference(tx, Number(receivedOn.slice(0, 4)));
    await insertIntake(tx, {
      id,
      reference,
      channel: i.channel,
      state: i.state,
      decision: i.decision?.decision ?? null,
      decision_reason: i.decision?.reason ?? null,
      referral_organisation: null,
      language: summary.language,
      applicant_name: summary.applicantName,
      applicant_dob: summary.applicantDob,
      prisoner_number: summary.prisonerNumber,
      number_system: summary.numberSystem,
      facility_id: summary.facilityId,
      jurisdiction: summary.jurisdiction,
      claim_type: summary.claimType,
      questionnaire,
      submitted_by_name: i.submittedBy?.name ?? null,
      submitted_by_relationship: i.submittedBy?.relationship ?? null,
      submitted_by_contact: i.submittedBy?.contact ?? null,
      assigned_to: i.assignedTo ? userId(s, i.assignedTo) : null,
      received_on: receivedOn,
      decided_at: i.decision ? instantOf(s, i.decision.on) : null,
      decided_by: i.decision ? userId(s, i.decision.by) : null,
      created_by: i.createdBy ? userId(s, i.createdBy) : null,
      created_at: instantOf(s, i.receivedOn),
      updated_at: i.decision ? instantOf(s, i.decision.on) : instantOf(s, i.receivedOn),
    });
    await s.audit({
      action: i.channel === 'public_form' ? 'intake.submitted' : 'intake.created',
      entityType: 'intake',
      entityId: id,
      details: { reference, channel: i.channel, state: i.state, decision: i.decision?.decision ?? null, demo: true },
    });
  }

  for (const c of story.correspondence ?? []) {
    const personId = s.people.get(c.person);
    if (!personId) throw new Error(`demo story: no person ${c.person}`);
    const id = deps.newId();
    const on = dayOf(s, c.on);
    const at = instantOf(s, c.on);
    await insertCorrespondence(tx, {
      id,
      person_id: personId,
      intake_id: null,
      direction: c.direction,
      channel: c.channel,
      state: c.direction === 'in' ? 'received' : 'sent',
      sent_on: c.direction === 'out' ? on : null,
      received_on: c.direction === 'in' ? on : null,
      summary: c.summary,
      staff_id: userId(s, c.staff),
      created_at: at,
      updated_at: at,
    });
    await s.audit({
      action: 'correspondence.logged',
      entityType: 'person',
      entityId: personId,
      details: { correspondenceId: id, direction: c.direction, channel: c.channel, demo: true },
    });
  }

  for (const v of story.visits ?? []) {
    const personId = s.people.get(v.person);
    if (!personId) throw new Error(`demo story: no person ${v.person}`);
    const facility = s.facilities.get(v.facility);
    if (!facility) throw new Error(`demo story: no facility ${v.facility}`);
    const matterId = v.matter ? s.matters.get(v.matter) : undefined;
    if (v.matter && !matterId) throw new Error(`demo story: no matter ${v.matter}`);
    const id = deps.newId();
    const scheduledStart = v.scheduled ? instantOf(s, v.scheduled.on) : null;
    const heldStart = v.held ? instantOf(s, v.held.on) : null;
    await insertVisit(tx, {
      id,
      person_id: personId,
      facility_id: facility.id,
      matter_id: matterId ?? null,
      status: v.status,
      purpose: v.purpose,
      requested_on: dayOf(s, v.requestedOn),
      proposed_dates: JSON.stringify(v.scheduled ? [dayOf(s, v.scheduled.on)] : []),
      scheduled_start: scheduledStart,
      scheduled_end:
        scheduledStart && v.scheduled ? new Date(scheduledStart.getTime() + v.scheduled.hours * HOUR_MS) : null,
      held_start: heldStart,
      held_end: heldStart && v.held ? new Date(heldStart.getTime() + v.held.hours * HOUR_MS) : null,
      record_notes_privileged: v.held?.privilegedNotes ?? null,
      created_by: userId(s, v.createdBy),
      created_at: instantOf(s, v.requestedOn),
      updated_at: heldStart ?? instantOf(s, v.requestedOn),
    });
    await insertVisitors(
      tx,
      v.visitors.map((visitor) => ({
        visit_id: id,
        user_id: userId(s, visitor.user),
        capacity: visitor.capacity,
        supervising_attorney_id: visitor.supervisingAttorney ? userId(s, visitor.supervisingAttorney) : null,
        attended: v.held ? true : null,
      })),
    );
    await s.audit({
      action: v.held ? 'visit.recorded' : 'visit.requested',
      entityType: 'visit',
      entityId: id,
      details: { personId, status: v.status, visitors: v.visitors.map((x) => x.capacity), demo: true },
    });
  }
};
