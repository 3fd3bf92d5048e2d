import { z } from 'zod';
import { MEMBERSHIPS } from '../access/policy.js';
import { MATTER_ROLES, ROLES } from '../access/roles.js';
import { isCalendarDate } from '../case-file/calendar-date.js';
import { MATTER_OUTCOMES, MATTER_TYPES } from '../case-file/matters.js';
import { Id, IsoDateTime, Line, PageQuery } from './common.js';

// Matters, their team and stages, pipelines and the board, tasks, notes, parties, activity, outcomes.

const Day = z.iso
  .date({ message: 'Use a real date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'Use a real date as YYYY-MM-DD')
  .describe('Calendar date, YYYY-MM-DD');

export const MatterTypeField = z.enum(MATTER_TYPES).describe('Matter type');
export const MatterOutcomeField = z.enum(MATTER_OUTCOMES).describe('Outcome');
export const MatterRoleField = z.enum(MATTER_ROLES).describe('Role on the matter team');
export const StageName = Line(100).describe('Stage name, as on the pipeline of the matter type');

export const MatterIdParam = z.strictObject({ id: Id });
export const MatterTypeParam = z.strictObject({ type: MatterTypeField });
export const MatterMemberParam = z.strictObject({ id: Id, userId: Id });
export const MatterPartyParam = z.strictObject({ id: Id, partyId: Id });

/** A person or user as other records show them: enough to label, nothing more. */
export const UserRef = z.object({ id: Id, name: z.string() });

// ---- Matters ----

export const OpenMatterInput = z.strictObject({
  personId: Id.describe('The person the matter is for'),
  type: MatterTypeField,
  title: Line(200).optional().describe('Defaults to "<type>: <person name>"'),
  stage: StageName.optional().describe('Defaults to the first stage of the pipeline'),
  decisionMaker: Line(300).nullable().optional().describe('Defaults by type (e.g. the Governor of California)'),
  openedOn: Day.optional().describe("Defaults to today's date"),
});
export type OpenMatterInput = z.infer<typeof OpenMatterInput>;

export const UpdateMatterInput = z
  .strictObject({
    title: Line(200).optional(),
    decisionMaker: Line(300).nullable().optional(),
    outcome: MatterOutcomeField.optional(),
    openedOn: Day.optional(),
    closedOn: Day.nullable().optional(),
    releaseDate: Day.nullable()
      .optional()
      .describe('The day the person walked out; with a granted outcome, marks the person released'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateMatterInput = z.infer<typeof UpdateMatterInput>;

export const ChangeStageInput = z.strictObject({ stage: StageName });
export type ChangeStageInput = z.infer<typeof ChangeStageInput>;

export const MATTER_SORTS = ['openedOn', '-openedOn', 'updatedAt', '-updatedAt', 'title', '-title'] as const;
export type MatterSort = (typeof MATTER_SORTS)[number];

export const MatterListQuery = PageQuery.extend({
  type: MatterTypeField.optional(),
  stage: StageName.optional(),
  outcome: MatterOutcomeField.optional(),
  personId: Id.optional(),
  teamMember: z
    .union([z.literal('me'), Id])
    .optional()
    .describe('A user id, or "me"'),
  status: z.enum(['open', 'closed', 'all']).default('all').describe('open: no closed date; closed: closed'),
  sort: z.enum(MATTER_SORTS).default('-openedOn').describe('Field to sort by; a leading "-" sorts descending'),
}).strict();
export type MatterListQuery = z.infer<typeof MatterListQuery>;

export const MatterSummary = z
  .object({
    id: Id,
    personId: Id,
    personName: z.string(),
    type: MatterTypeField,
    title: z.string(),
    stage: z.string(),
    decisionMaker: z.string().nullable(),
    openedOn: Day,
    closedOn: Day.nullable(),
    outcome: MatterOutcomeField,
    releaseDate: Day.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .describe('Matter');
export type MatterSummary = z.infer<typeof MatterSummary>;

export const MatterPage = z.object({ items: z.array(MatterSummary), nextCursor: z.string().nullable() });

export const TeamMemberView = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES).describe('Organisation role'),
  matterRole: MatterRoleField,
  addedAt: IsoDateTime,
});
export type TeamMemberView = z.infer<typeof TeamMemberView>;

export const StageChangeView = z.object({
  fromStage: z.string().nullable().describe('Null when the matter was opened'),
  toStage: z.string(),
  changedBy: UserRef.nullable(),
  changedAt: IsoDateTime,
});
export type StageChangeView = z.infer<typeof StageChangeView>;

export const MatterDetail = MatterSummary.extend({
  team: z.array(TeamMemberView),
  stageHistory: z.array(StageChangeView).describe('Oldest first'),
  stages: z.array(z.string()).describe("The pipeline of the matter's type"),
  openTasks: z.number().int(),
  viewer: z.object({
    membership: z.enum(MEMBERSHIPS),
    canWrite: z.boolean(),
    canManageTeam: z.boolean(),
  }),
}).describe('Matter with its team and history');
export type MatterDetail = z.infer<typeof MatterDetail>;

export const AddTeamMemberInput = z.strictObject({
  userId: Id,
  matterRole: MatterRoleField.optional().describe("Defaults from the user's organisation role"),
});
export type AddTeamMemberInput = z.infer<typeof AddTeamMemberInput>;
export const ChangeTeamMemberInput = z.strictObject({ matterRole: MatterRoleField });
export type ChangeTeamMemberInput = z.infer<typeof ChangeTeamMemberInput>;
export const TeamList = z.object({ items: z.array(TeamMemberView) });

// ---- Pipelines and the board ----

export const PipelineView = z.object({
  type: MatterTypeField,
  label: z.string(),
  stages: z.array(z.string()),
  isCustomised: z.boolean().describe('False while the built-in default stages apply'),
});
export const PipelineList = z.object({ items: z.array(PipelineView) });

export const EditPipelineInput = z.strictObject({
  stages: z.array(StageName).min(1, 'A pipeline needs at least one stage').max(30, 'At most 30 stages'),
  renames: z
    .array(z.strictObject({ from: StageName, to: StageName }))
    .max(30)
    .default([])
    .describe('Stages renamed: their matters move to the new name'),
});
export type EditPipelineInput = z.infer<typeof EditPipelineInput>;

export const BoardQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Cards shown per column'),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

export const BoardCard = z.object({
  matterId: Id,
  title: z.string(),
  personName: z.string(),
  openedOn: Day,
  teamInitials: z.array(z.string()).describe('Initials of the team members, lead first'),
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardView = z.object({
  type: MatterTypeField,
  columns: z.array(
    z.object({
      stage: z.string(),
      count: z.number().int().describe('Every matching matter in the stage, however many cards are shown'),
      isInPipeline: z.boolean(),
      cards: z.array(BoardCard),
    }),
  ),
});
export type BoardView = z.infer<typeof BoardView>;

// ---- Tasks ----

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const TaskStatusField = z.enum(TASK_STATUSES);
export const TaskIdParam = z.strictObject({ id: Id });

export const CreateTaskInput = z.strictObject({
  title: Line(300),
  assigneeId: Id.nullable().optional().describe('A member of the matter team'),
  dueOn: Day.nullable().optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const UpdateTaskInput = z
  .strictObject({
    title: Line(300).optional(),
    status: TaskStatusField.optional(),
    assigneeId: Id.nullable().optional(),
    dueOn: Day.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const MatterTasksQuery = z.strictObject({ status: z.enum([...TASK_STATUSES, 'all']).default('all') });
export type MatterTasksQuery = z.infer<typeof MatterTasksQuery>;

export const TaskListQuery = PageQuery.extend({
  assignee: z
    .union([z.literal('me'), Id])
    .default('me')
    .describe('A user id, or "me"'),
  status: z.enum([...TASK_STATUSES, 'all']).default('open'),
}).strict();
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskView = z.object({
  id: Id,
  matterId: Id,
  matterTitle: z.string(),
  title: z.string(),
  assignee: UserRef.nullable(),
  dueOn: Day.nullable(),
  status: TaskStatusField,
  createdAt: IsoDateTime,
  completedAt: IsoDateTime.nullable(),
});
export type TaskView = z.infer<typeof TaskView>;
export const TaskList = z.object({ items: z.array(TaskView) });
export const TaskPage = z.object({ items: z.array(TaskView), nextCursor: z.string().nullable() });

// ---- Notes ----

export const NoteIdParam = z.strictObject({ id: Id });

/** Markdown, stored as written and rendered inert by the web app. */
const NoteBody = z
  .string()
  .min(1, 'Required')
  .max(100_000, 'At most 100,000 characters')
  .refine((s) => s.trim().length > 0, 'Required')
  // Tabs and line breaks are Markdown; other control characters (NUL above all) are not text.
  .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), 'Must not contain control characters')
  .describe('Markdown');

const Mentions = z
  .array(Id)
  .max(50, 'At most 50 mentions')
  .describe('Users mentioned (@): each must be on the matter team, and on its legal team for a privileged note');

export const CreateNoteInput = z.strictObject({
  body: NoteBody,
  isPrivileged: z.boolean().default(false).describe('Attorney work product or privileged: legal team only'),
  mentions: Mentions.default([]),
});
export type CreateNoteInput = z.infer<typeof CreateNoteInput>;

export const UpdateNoteInput = z
  .strictObject({ body: NoteBody.optional(), isPrivileged: z.boolean().optional(), mentions: Mentions.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateNoteInput = z.infer<typeof UpdateNoteInput>;

export const NoteListQuery = PageQuery.strict();
export type NoteListQuery = z.infer<typeof NoteListQuery>;

export const NoteView = z.object({
  id: Id,
  matterId: Id,
  body: z.string(),
  isPrivileged: z.boolean(),
  author: UserRef.nullable(),
  mentions: z.array(UserRef),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type NoteView = z.infer<typeof NoteView>;
export const NotePage = z.object({ items: z.array(NoteView), nextCursor: z.string().nullable() });

// ---- Parties ----

export const MATTER_PARTY_ROLES = ['adverse_party', 'witness', 'other'] as const;
export const AddPartyInput = z.strictObject({ role: z.enum(MATTER_PARTY_ROLES), name: Line(200) });
export type AddPartyInput = z.infer<typeof AddPartyInput>;
export const PartyView = z.object({ id: Id, matterId: Id, role: z.enum(MATTER_PARTY_ROLES), name: z.string() });
export type PartyView = z.infer<typeof PartyView>;
export const PartyList = z.object({ items: z.array(PartyView) });

// ---- Activity and outcomes ----

export const ActivityQuery = PageQuery.strict();
export type ActivityQuery = z.infer<typeof ActivityQuery>;
export const ActivityEntryView = z.object({
  seq: z.number().int(),
  at: IsoDateTime,
  actorId: Id.nullable(),
  actorLabel: z.string(),
  action: z.string().describe('e.g. matter.stage_changed, task.created, note.created'),
  details: z.record(z.string(), z.unknown()),
});
export type ActivityEntryView = z.infer<typeof ActivityEntryView>;
export const ActivityPage = z.object({ items: z.array(ActivityEntryView), nextCursor: z.string().nullable() });

const Count = z.number().int();
const ByOutcome = z.object({ pending: Count, granted: Count, denied: Count, withdrawn: Count, moot: Count });
export const OutcomeStatsView = z.object({
  total: z.number().int(),
  byOutcome: ByOutcome,
  byType: z.array(z.object({ type: MatterTypeField, total: z.number().int(), byOutcome: ByOutcome })),
  peopleFreed: z
    .number()
    .int()
    .describe('Distinct people with a granted matter that has a release date (counted once however many)'),
});
export type OutcomeStatsView = z.infer<typeof OutcomeStatsView>;
