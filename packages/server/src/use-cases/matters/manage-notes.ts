import {
  type CreateNoteInput,
  type Membership,
  membershipOf,
  type NoteListQuery,
  type NoteView,
  type UpdateNoteInput,
} from '@redress/core';
import {
  type Executor,
  findNote,
  findTeamMembers,
  findVisibleNote,
  insertNote,
  listNoteMentions,
  type NoteRow,
  listNotes as queryNotes,
  deleteNote as removeNote,
  replaceNoteMentions,
  updateNote as writeNote,
} from '@redress/db';
import type { Actor, RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { decodeCursor, isTimestampPart, isUuidPart, pageOf } from './list-cursor.js';
import { authorizeMatter, isAllowed, loadMatterFor, viewerOf } from './matter-access.js';
import { presentNote } from './presenters.js';

export type { CreateNoteInput, UpdateNoteInput };

// Notes on a matter. A privileged note (attorney work product, privileged communication) exists only
// for the matter's legal team: others do not see it in lists and get 404 when they ask for it, and
// every read of one is audited. Audit entries about notes carry ids and flags, never the text.

const NOTE_HIDDEN = { code: 'note.not_found', message: 'No such note' };

/** Mentions must name members of the team, and of the legal team when the note is privileged. */
const checkMentions = async (db: Executor, matterId: string, mentions: readonly string[], isPrivileged: boolean) => {
  const members = new Map((await findTeamMembers(db, matterId, mentions)).map((m) => [m.user_id, m]));
  const details: Record<string, string> = {};
  mentions.forEach((userId, i) => {
    const member = members.get(userId);
    if (!member) details[`mentions.${i}`] = "Not on this matter's team";
    else if (isPrivileged && membershipOf(member.role, member.matter_role) !== 'legal_team') {
      details[`mentions.${i}`] = 'Outside the legal team: cannot be mentioned in a privileged note';
    }
  });
  if (Object.keys(details).length > 0) {
    failWith('invalid', 'note.mention_not_allowed', 'Only team members can be mentioned', details);
  }
};

const withMentions = async (db: Executor, notes: NoteRow[]): Promise<NoteView[]> => {
  const mentions = await listNoteMentions(
    db,
    notes.map((n) => n.id),
  );
  return notes.map((n) =>
    presentNote(
      n,
      mentions.filter((m) => m.note_id === n.id).map((m) => ({ id: m.user_id, name: m.name })),
    ),
  );
};

const auditPrivilegedRead = (audit: Audit, matterId: string, noteIds: string[]) =>
  audit({
    action: 'note.privileged_read',
    entityType: 'matter',
    entityId: matterId,
    details: { noteIds, isPrivileged: true },
  });

export const listNotes = async (deps: AppDeps, ctx: RequestContext, matterId: string, query: NoteListQuery) => {
  const db = deps.database.db;
  const { membership, viewer } = await loadMatterFor(db, ctx, matterId, 'matter.read');
  const after = decodeCursor(query.cursor, [isTimestampPart, isUuidPart]);
  const rows = await queryNotes(db, matterId, {
    includePrivileged: isAllowed(viewer.actor, 'matter.read', membership, true),
    after: after ? { createdAt: after[0] ?? '', id: after[1] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  const page = pageOf(
    rows,
    query.limit,
    (n) => n,
    (n) => [n.created_at.toISOString(), n.id],
  );
  const privileged = page.items.filter((n) => n.is_privileged).map((n) => n.id);
  // The read is recorded before anything privileged leaves the server.
  if (privileged.length > 0)
    await inTransaction(deps, ctx, (_tx, audit) => auditPrivilegedRead(audit, matterId, privileged));
  return { items: await withMentions(db, page.items), nextCursor: page.nextCursor };
};

/** A note the actor may read, and how they stand to its matter; 404 for privileged notes outside the legal team. */
const loadNote = async (db: Executor, ctx: RequestContext, id: string, options: { forUpdate?: boolean } = {}) => {
  const viewer = viewerOf(ctx);
  const note = await findVisibleNote(db, viewer, id, options);
  if (!note) return failWith('not_found', NOTE_HIDDEN.code, NOTE_HIDDEN.message);
  const membership = membershipOf(viewer.role, note.viewer_matter_role);
  authorizeMatter(viewer.actor, 'matter.read', membership, note.is_privileged, NOTE_HIDDEN);
  return { note, membership, actor: viewer.actor };
};

export const getNote = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<NoteView> => {
  const db = deps.database.db;
  const { note } = await loadNote(db, ctx, id);
  if (note.is_privileged)
    await inTransaction(deps, ctx, (_tx, audit) => auditPrivilegedRead(audit, note.matter_id, [id]));
  const [view] = await withMentions(db, [note]);
  if (!view) throw new Error('note view missing');
  return view;
};

const noteView = async (db: Executor, id: string): Promise<NoteView> => {
  const note = await findNote(db, id);
  if (!note) throw new Error(`note ${id} vanished`);
  const [view] = await withMentions(db, [note]);
  if (!view) throw new Error('note view missing');
  return view;
};

export const createNote = (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  input: CreateNoteInput,
): Promise<NoteView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { viewer } = await loadMatterFor(tx, ctx, matterId, 'matter.write', { isPrivileged: input.isPrivileged });
    await checkMentions(tx, matterId, input.mentions, input.isPrivileged);
    const now = deps.clock.now();
    const { id } = await insertNote(tx, {
      id: deps.newId(),
      matter_id: matterId,
      body: input.body,
      is_privileged: input.isPrivileged,
      author_id: viewer.userId,
      created_at: now,
      updated_at: now,
    });
    await replaceNoteMentions(tx, id, input.mentions);
    await audit({
      action: 'note.created',
      entityType: 'matter',
      entityId: matterId,
      details: { noteId: id, isPrivileged: input.isPrivileged, mentions: [...new Set(input.mentions)] },
    });
    return noteView(tx, id);
  });

/** The author may change or delete their note; so may anyone on the matter's legal team. */
const authorizeNoteChange = (actor: Actor, membership: Membership, note: NoteRow, isPrivileged: boolean) => {
  authorizeMatter(actor, 'matter.write', membership, isPrivileged, NOTE_HIDDEN);
  if (note.author_id !== actor.userId && membership !== 'legal_team') {
    failWith('forbidden', 'access.denied', "Only the note's author or the legal team may change it");
  }
};

export const updateNote = (deps: AppDeps, ctx: RequestContext, id: string, input: UpdateNoteInput): Promise<NoteView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { note, membership, actor } = await loadNote(tx, ctx, id, { forUpdate: true });
    const isPrivileged = input.isPrivileged ?? note.is_privileged;
    // Raising or lowering privilege is privileged work too.
    authorizeNoteChange(actor, membership, note, isPrivileged || note.is_privileged);
    const mentionsChange = input.mentions !== undefined || isPrivileged !== note.is_privileged;
    const mentions = input.mentions ?? (await listNoteMentions(tx, [id])).map((m) => m.user_id);
    if (mentionsChange) await checkMentions(tx, note.matter_id, mentions, isPrivileged);

    await writeNote(
      tx,
      id,
      { ...(input.body !== undefined ? { body: input.body } : {}), is_privileged: isPrivileged },
      deps.clock.now(),
    );
    if (input.mentions !== undefined) await replaceNoteMentions(tx, id, input.mentions);
    const changed = Object.keys(input);
    await audit({
      action: 'note.updated',
      entityType: 'matter',
      entityId: note.matter_id,
      details: {
        noteId: id,
        changed,
        isPrivileged: isPrivileged || note.is_privileged,
        ...(isPrivileged !== note.is_privileged ? { privilege: { from: note.is_privileged, to: isPrivileged } } : {}),
      },
    });
    return noteView(tx, id);
  });

export const deleteNote = (deps: AppDeps, ctx: RequestContext, id: string): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { note, membership, actor } = await loadNote(tx, ctx, id, { forUpdate: true });
    authorizeNoteChange(actor, membership, note, note.is_privileged);
    await removeNote(tx, id);
    await audit({
      action: 'note.deleted',
      entityType: 'matter',
      entityId: note.matter_id,
      details: { noteId: id, isPrivileged: note.is_privileged },
    });
  });
