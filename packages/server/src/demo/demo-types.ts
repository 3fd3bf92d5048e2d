import type {
  Authority,
  CalendarDate,
  ConvictionScreeningFacts,
  CorrespondenceChannel,
  ExecutionMethod,
  IdentifierSystem,
  IntakeChannel,
  IntakeDecision,
  IntakeQuestionnaire,
  IntakeState,
  MatterOutcome,
  MatterRole,
  MatterType,
  PersonScreeningFacts,
  PersonStatus,
  Role,
  SentenceEventKind,
  SentenceTerm,
  VisitorCapacity,
  VisitStatus,
} from '@redress/core';
import type { ContactKind, CustodyPlacementTable, PersonAliasTable } from '@redress/db';
import type { Selectable } from 'kysely';
import type { z } from 'zod';

/**
 * The shape of the demo workspace's story: plain data that refers to its own records by key (a user,
 * a facility, a person, a matter), turned into rows with fresh ids by `seedDemoWorkspace`.
 */

export type DemoUserKey = 'lead' | 'supervisor' | 'apprentice' | 'paralegal' | 'investigator' | 'volunteer';
export type DemoFacilityKey = 'sanQuentin' | 'cmf' | 'ccwf' | 'atwater' | 'aliceville' | 'dublin';

/**
 * A day in the story: a calendar date, or a number of days from the day the demo is seeded (so the
 * tasks due next week are due next week whenever someone starts the demo).
 */
export type DemoDay = CalendarDate | { daysFromSeed: number };

export type DemoUser = { key: DemoUserKey; name: string; email: string; role: Role };

export type DemoFacility = {
  key: DemoFacilityKey;
  code: string;
  name: string;
  jurisdiction: 'CA' | 'US';
  kind: string;
  streetAddress: string | null;
  mailingAddress: string | null;
  city: string;
  state: string;
  zip: string;
  visitingInfo: string | null;
  /** Where the entry comes from, shown with the directory. */
  source: string;
};

export type DemoPlacement = {
  facility: DemoFacilityKey;
  /** The name on the record when it differs from the directory's (a facility since renamed). */
  facilityName?: string;
  housing: string | null;
  from: CalendarDate;
  to: CalendarDate | null;
  learnedFrom: Selectable<CustodyPlacementTable>['learned_from'];
  /** A transfer that put the mail on hold until the new address was confirmed. */
  mailHold?: { since: CalendarDate; releasedOn: CalendarDate };
};

export type DemoCount = {
  statute: string;
  description: string;
  degree?: 'first' | 'second' | 'third';
  isAttempt?: boolean;
};

export type DemoConvictionParty = {
  role: 'victim' | 'survivor' | 'co_defendant';
  name: string;
  notify?: boolean;
  notes?: string;
};

export type DemoSentenceEvent = {
  kind: SentenceEventKind;
  date: CalendarDate;
  authority: Authority;
  authorityName?: string;
  term?: SentenceTerm;
  executionMethod?: ExecutionMethod;
  note?: string;
};

export type DemoConviction = {
  caseNumber: string;
  court: string;
  county: string | null;
  jurisdiction: 'CA' | 'US';
  offenseStart: CalendarDate;
  offenseEnd?: CalendarDate;
  convictionDate: CalendarDate;
  disposition: 'plea' | 'jury' | 'bench';
  counts: readonly DemoCount[];
  enhancements?: readonly string[];
  specialCircumstances?: readonly string[];
  parties?: readonly DemoConvictionParty[];
  prosecutor?: string;
  defenseCounsel?: string;
  judge?: string;
  /** The sentence's history, as entered; the current sentence is derived from it. */
  sentence: readonly DemoSentenceEvent[];
};

export type DemoTask = {
  title: string;
  assignee: DemoUserKey | null;
  createdBy: DemoUserKey;
  createdOn: DemoDay;
  due?: DemoDay;
  status: 'open' | 'done' | 'cancelled';
  completedOn?: DemoDay;
};

export type DemoNote = {
  author: DemoUserKey;
  on: DemoDay;
  /** Attorney work product or privileged communication: the matter's legal team only. */
  isPrivileged: boolean;
  body: string;
  mentions?: readonly DemoUserKey[];
};

export type DemoMatter = {
  /** For contact links: unique across the story. */
  key?: string;
  type: MatterType;
  title: string;
  /** The type's usual decision-maker when left out. */
  decisionMaker?: string | null;
  openedOn: CalendarDate;
  /** The stages the matter went through, each with the day it got there; the last is where it is now. */
  stages: readonly (readonly [stage: string, on: CalendarDate])[];
  outcome: MatterOutcome;
  closedOn?: CalendarDate;
  /** The day the person walked out, for a granted matter that freed them. */
  releaseDate?: CalendarDate;
  team: readonly (readonly [user: DemoUserKey, matterRole: MatterRole])[];
  tasks?: readonly DemoTask[];
  notes?: readonly DemoNote[];
};

export type DemoPerson = {
  key: string;
  legalName: string;
  dateOfBirth: CalendarDate;
  gender: string;
  preferredLanguage: string;
  status: PersonStatus;
  mailingAddress?: string;
  notes?: string;
  createdBy: DemoUserKey;
  aliases?: readonly { name: string; kind: Selectable<PersonAliasTable>['kind'] }[];
  identifiers: readonly { system: IdentifierSystem; value: string; issuer?: string }[];
  placements: readonly DemoPlacement[];
  convictions: readonly DemoConviction[];
  matters: readonly DemoMatter[];
  /**
   * Screening facts where the story says them (the person page's relief screening reads them); the
   * facts of a conviction are keyed by its case number.
   */
  screeningFacts?: Omit<PersonScreeningFacts, 'convictions'> & {
    convictions?: Readonly<Record<string, z.infer<typeof ConvictionScreeningFacts>>>;
  };
};

export type DemoContactLink = { person: string; relationship: string } | { matter: string; relationship: string };

export type DemoContact = {
  kind: ContactKind;
  name: string;
  organisation: string | null;
  title: string | null;
  email?: string;
  phone?: string;
  address?: string;
  notes?: string;
  createdBy: DemoUserKey;
  links: readonly DemoContactLink[];
};

/** The return address of an attorney's legal mail, as on record with the State Bar. */
export type DemoAttorneyProfile = {
  user: DemoUserKey;
  title: string;
  barNumber: string;
  barState: string;
  barAddressLines: readonly string[];
  phone?: string;
  email?: string;
};

/** An intake in the triage queue: the summary columns are derived from the questionnaire. */
export type DemoIntake = {
  channel: IntakeChannel;
  state: IntakeState;
  /** With its reason, once decided. */
  decision?: { decision: IntakeDecision; reason: string; by: DemoUserKey; on: DemoDay };
  receivedOn: DemoDay;
  /** The applicant's facility, written into the questionnaire with its directory id. */
  facility?: DemoFacilityKey;
  questionnaire: IntakeQuestionnaire;
  submittedBy?: { name: string; relationship: string | null; contact: string | null };
  assignedTo?: DemoUserKey;
  /** Null for a public-form submission. */
  createdBy: DemoUserKey | null;
};

/** A letter in or out, on a person's record (an incoming one is received; an outgoing one sent). */
export type DemoCorrespondence = {
  person: string;
  direction: 'in' | 'out';
  channel: CorrespondenceChannel;
  /** Sent for a letter out, received for a letter in. */
  on: DemoDay;
  summary: string;
  staff: DemoUserKey;
};

export type DemoVisitor = { user: DemoUserKey; capacity: VisitorCapacity; supervisingAttorney?: DemoUserKey };

export type DemoVisit = {
  person: string;
  facility: DemoFacilityKey;
  matter?: string;
  status: VisitStatus;
  purpose: string;
  requestedOn: DemoDay;
  /** The booked time (scheduled); a held visit starts and ends at its record's times. */
  scheduled?: { on: DemoDay; hours: number };
  held?: { on: DemoDay; hours: number; privilegedNotes: string };
  visitors: readonly DemoVisitor[];
  createdBy: DemoUserKey;
};

export type DemoStory = {
  users: readonly DemoUser[];
  facilities: readonly DemoFacility[];
  people: readonly DemoPerson[];
  contacts: readonly DemoContact[];
  attorneyProfiles?: readonly DemoAttorneyProfile[];
  intakes?: readonly DemoIntake[];
  correspondence?: readonly DemoCorrespondence[];
  visits?: readonly DemoVisit[];
};
