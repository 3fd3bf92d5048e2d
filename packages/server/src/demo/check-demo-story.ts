import {
  compareDates,
  countOutcomes,
  DEFAULT_STAGES,
  deriveCurrentSentence,
  isCalendarDate,
  isFreeingMatter,
  matterRoleFits,
  membershipOf,
  normaliseIdentifier,
  type OutcomeSummary,
  PersonScreeningFacts,
  type Role,
  type SentenceEvent,
} from '@redress/core';
import type { DemoMatter, DemoPerson, DemoStory, DemoUserKey } from './demo-types.js';

/**
 * What is wrong with the demo story, as readable lines (empty when it holds together): the same rules
 * the API enforces on what people type (identifier formats, pipelines, matter roles, privilege, sentence
 * histories that derive without a skipped event), and the consistency a tour of the demo relies on
 * (whoever was freed is out and recorded as such; whoever is held has an open placement).
 */
export const checkDemoStory = (story: DemoStory): string[] => {
  const problems: string[] = [];
  const roles = new Map<DemoUserKey, Role>(story.users.map((u) => [u.key, u.role]));
  const unique = (what: string, values: readonly string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`${what} ${v} is used twice`);
      seen.add(v);
    }
  };
  unique('user', [...story.users.map((u) => u.key), ...story.users.map((u) => u.email)]);
  unique('facility', [...story.facilities.map((f) => f.key), ...story.facilities.map((f) => f.code)]);
  unique(
    'person',
    story.people.map((p) => p.key),
  );
  const matterKeys = story.people.flatMap((p) => p.matters.flatMap((m) => (m.key ? [m.key] : [])));
  unique('matter', matterKeys);
  unique(
    'identifier',
    story.people.flatMap((p) => p.identifiers.map((i) => `${i.system}:${i.value}`)),
  );
  for (const u of story.users) if (u.email !== u.email.toLowerCase()) problems.push(`${u.email}: not lower case`);

  const facilityKeys = new Set(story.facilities.map((f) => f.key));
  for (const person of story.people) {
    problems.push(...checkPerson(person, roles, facilityKeys).map((p) => `${person.key}: ${p}`));
  }

  const personKeys = new Set(story.people.map((p) => p.key));
  const matters = new Set(matterKeys);
  for (const c of story.contacts) {
    if (!roles.has(c.createdBy)) problems.push(`contact ${c.name}: no user ${c.createdBy}`);
    for (const link of c.links) {
      const ok = 'person' in link ? personKeys.has(link.person) : matters.has(link.matter);
      if (!ok) problems.push(`contact ${c.name}: links to nothing (${JSON.stringify(link)})`);
    }
  }
  return problems;
};

const checkPerson = (
  person: DemoPerson,
  roles: ReadonlyMap<DemoUserKey, Role>,
  facilityKeys: ReadonlySet<string>,
): string[] => {
  const problems: string[] = [];
  if (!roles.has(person.createdBy)) problems.push(`no user ${person.createdBy}`);
  for (const i of person.identifiers) {
    const checked = normaliseIdentifier(i.system, i.value);
    if (!checked.ok) problems.push(`identifier ${i.value}: ${checked.message}`);
    else if (checked.value !== i.value) problems.push(`identifier ${i.value}: write it as ${checked.value}`);
  }

  // Placements: in order, after birth, none overlapping; only the last may be open, and only if held.
  let previousEnd: string | null = person.dateOfBirth;
  person.placements.forEach((p, index) => {
    const where = `placement ${index + 1}`;
    if (!facilityKeys.has(p.facility)) problems.push(`${where}: no facility ${p.facility}`);
    if (previousEnd === null) problems.push(`${where}: follows an open placement`);
    else if (compareDates(p.from, previousEnd) < 0) problems.push(`${where}: starts before ${previousEnd}`);
    if (p.to !== null && compareDates(p.to, p.from) < 0) problems.push(`${where}: ends before it starts`);
    if (p.mailHold && (p.to !== null || compareDates(p.mailHold.releasedOn, p.mailHold.since) < 0)) {
      problems.push(`${where}: a mail hold belongs to the open placement and is released after it starts`);
    }
    previousEnd = p.to;
  });
  const isHeld = person.status === 'in_custody';
  const lastPlacement = person.placements.at(-1);
  if (isHeld !== (lastPlacement?.to === null)) problems.push(`status ${person.status} but the last placement is not`);

  for (const conviction of person.convictions) {
    const events: SentenceEvent[] = conviction.sentence.map((e, index) => ({ id: String(index + 1), ...e }));
    const { issues } = deriveCurrentSentence(events, { convictionDate: conviction.convictionDate });
    for (const issue of issues) problems.push(`${conviction.caseNumber} event ${issue.eventId}: ${issue.message}`);
    if (compareDates(conviction.convictionDate, conviction.offenseStart) < 0) {
      problems.push(`${conviction.caseNumber}: convicted before the offence`);
    }
  }

  const releases = person.matters.filter((m) =>
    isFreeingMatter({ outcome: m.outcome, releaseDate: m.releaseDate ?? null }),
  );
  const isOut = person.status === 'released' || person.status === 'on_parole';
  if (isOut !== releases.length > 0) problems.push(`status ${person.status} but ${releases.length} freeing matters`);
  const lastRelease = releases
    .map((m) => m.releaseDate ?? '')
    .sort(compareDates)
    .at(-1);
  if (lastRelease && lastPlacement?.to !== lastRelease) {
    problems.push(`released ${lastRelease} but the last placement ends ${lastPlacement?.to ?? 'never'}`);
  }

  if (person.screeningFacts) {
    const { convictions, ...facts } = person.screeningFacts;
    const parsed = PersonScreeningFacts.safeParse(facts);
    if (!parsed.success) problems.push(`screening facts: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    for (const caseNumber of Object.keys(convictions ?? {})) {
      if (!person.convictions.some((c) => c.caseNumber === caseNumber)) {
        problems.push(`screening facts name no conviction ${caseNumber}`);
      }
    }
  }

  for (const matter of person.matters) {
    problems.push(...checkMatter(matter, roles).map((p) => `${matter.title}: ${p}`));
  }
  return problems;
};

const checkMatter = (matter: DemoMatter, roles: ReadonlyMap<DemoUserKey, Role>): string[] => {
  const problems: string[] = [];
  const pipeline = DEFAULT_STAGES[matter.type];
  const first = matter.stages[0];
  if (!first || first[1] !== matter.openedOn) problems.push('the first stage must be reached on the opening day');
  let previous = matter.openedOn;
  for (const [stage, on] of matter.stages) {
    if (!pipeline.includes(stage)) problems.push(`stage ${stage} is not in the ${matter.type} pipeline`);
    if (!isCalendarDate(on) || compareDates(on, previous) < 0) problems.push(`stage ${stage} reached out of order`);
    previous = on;
  }
  if ((matter.outcome === 'pending') !== (matter.closedOn === undefined)) {
    problems.push('a matter is closed exactly when it has an outcome');
  }
  if (matter.closedOn && compareDates(matter.closedOn, previous) < 0) problems.push('closed before its last stage');
  if (matter.releaseDate && matter.outcome !== 'granted') problems.push('a release date needs a granted matter');

  const team = new Map(matter.team);
  if (team.size !== matter.team.length) problems.push('someone is on the team twice');
  for (const [user, matterRole] of matter.team) {
    const role = roles.get(user);
    if (!role) problems.push(`no user ${user}`);
    else if (!matterRoleFits(role, matterRole)) problems.push(`${user} (${role}) cannot be ${matterRole}`);
  }
  const onTeam = (user: DemoUserKey, what: string) => {
    if (!team.has(user)) problems.push(`${what} ${user} is not on the team`);
  };
  for (const task of matter.tasks ?? []) {
    if (task.assignee) onTeam(task.assignee, 'task assignee');
    onTeam(task.createdBy, 'task creator');
    if ((task.status === 'done') !== (task.completedOn !== undefined))
      problems.push(`task "${task.title}": done iff completed`);
  }
  for (const note of matter.notes ?? []) {
    onTeam(note.author, 'note author');
    for (const m of note.mentions ?? []) onTeam(m, 'mentioned');
    const role = roles.get(note.author);
    const matterRole = team.get(note.author) ?? null;
    if (note.isPrivileged && role && membershipOf(role, matterRole) !== 'legal_team') {
      problems.push(`a privileged note by ${note.author}, who is outside privilege`);
    }
  }
  return problems;
};

/** The outcome counts the dashboard must show for the story (the core's reference computation). */
export const demoOutcomes = (story: DemoStory): OutcomeSummary =>
  countOutcomes(
    story.people.flatMap((p) =>
      p.matters.map((m) => ({ personId: p.key, type: m.type, outcome: m.outcome, releaseDate: m.releaseDate ?? null })),
    ),
  );

export type DemoCounts = {
  users: number;
  facilities: number;
  people: number;
  placements: number;
  convictions: number;
  sentenceEvents: number;
  matters: number;
  tasks: number;
  notes: number;
  contacts: number;
  contactLinks: number;
  peopleFreed: number;
};

/** How many records of each kind the story makes. */
export const demoCounts = (story: DemoStory): DemoCounts => {
  const matters = story.people.flatMap((p) => p.matters);
  const convictions = story.people.flatMap((p) => p.convictions);
  return {
    users: story.users.length,
    facilities: story.facilities.length,
    people: story.people.length,
    placements: story.people.reduce((n, p) => n + p.placements.length, 0),
    convictions: convictions.length,
    sentenceEvents: convictions.reduce((n, c) => n + c.sentence.length, 0),
    matters: matters.length,
    tasks: matters.reduce((n, m) => n + (m.tasks?.length ?? 0), 0),
    notes: matters.reduce((n, m) => n + (m.notes?.length ?? 0), 0),
    contacts: story.contacts.length,
    contactLinks: story.contacts.reduce((n, c) => n + c.links.length, 0),
    peopleFreed: demoOutcomes(story).peopleFreed,
  };
};
