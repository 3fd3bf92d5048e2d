import {
  type ContactDetail,
  type ContactListQuery,
  type ContactView,
  type CreateContactInput,
  type CreateContactLinkInput,
  membershipOf,
  normaliseName,
  type UpdateContactInput,
} from '@redress/core';
import {
  type ContactLinkRow,
  canWritePerson,
  deleteContactLink,
  type Executor,
  findContact,
  findContactLink,
  findVisibleMatter,
  insertContact,
  insertContactLink,
  isPersonVisible,
  listVisibleContactLinks,
  listContacts as queryContacts,
  listMatterContacts as queryMatterContacts,
  deleteContact as removeContact,
  updateContact as writeContact,
} from '@redress/db';
import type { Actor, RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { decodeCursor, isTextPart, isUuidPart, pageOf } from './list-cursor.js';
import { authorizeMatter, loadMatterFor, viewerOf } from './matter-access.js';
import { presentContact, presentContactLink } from './presenters.js';

export type { CreateContactInput, CreateContactLinkInput, UpdateContactInput };

// The contacts directory is shared by the whole team (officials, labs and journalists are not secrets
// of one matter); links to people and matters follow those records' own visibility and write rules.

const CONTACT_HIDDEN = { code: 'contact.not_found', message: 'No such contact' };

/** Directory changes: any signed-in user, but an API token needs the write scope. */
const authorizeDirectoryWrite = (ctx: RequestContext): Actor => {
  const { actor } = viewerOf(ctx);
  if (actor.scopes !== null && !actor.scopes.includes('write')) {
    failWith('forbidden', 'access.denied', 'This API token lacks the scope for that');
  }
  return actor;
};

const requireContact = async (db: Executor, id: string) =>
  (await findContact(db, id)) ?? failWith('not_found', CONTACT_HIDDEN.code, CONTACT_HIDDEN.message);

export const listContacts = async (deps: AppDeps, ctx: RequestContext, query: ContactListQuery) => {
  viewerOf(ctx);
  const after = decodeCursor(query.cursor, [isTextPart, isUuidPart]);
  const nameSearch = query.name === undefined ? undefined : normaliseName(query.name);
  const rows = await queryContacts(deps.database.db, {
    kind: query.kind,
    nameSearch: nameSearch || undefined,
    after: after ? { name: after[0] ?? '', id: after[1] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, presentContact, (c) => [c.name, c.id]);
};

export const getContact = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<ContactDetail> => {
  const db = deps.database.db;
  const viewer = viewerOf(ctx);
  const contact = await requireContact(db, id);
  const links = await listVisibleContactLinks(db, viewer, id);
  return { ...presentContact(contact), links: links.map(presentContactLink) };
};

const optional = <T>(value: T | null | undefined) => (value === undefined ? undefined : value);

export const createContact = (deps: AppDeps, ctx: RequestContext, input: CreateContactInput): Promise<ContactView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = authorizeDirectoryWrite(ctx);
    const now = deps.clock.now();
    const contact = await insertContact(tx, {
      id: deps.newId(),
      external_id: null,
      kind: input.kind,
      name: input.name,
      name_search: normaliseName(input.name),
      organisation: input.organisation ?? null,
      title: input.title ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      notes: input.notes ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'contact.created',
      entityType: 'contact',
      entityId: contact.id,
      details: { kind: contact.kind, name: contact.name },
    });
    return presentContact(contact);
  });

export const updateContact = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateContactInput,
): Promise<ContactView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeDirectoryWrite(ctx);
    const before = await requireContact(tx, id);
    const contact = await writeContact(
      tx,
      id,
      {
        kind: input.kind,
        name: input.name,
        ...(input.name !== undefined ? { name_search: normaliseName(input.name) } : {}),
        organisation: optional(input.organisation),
        title: optional(input.title),
        email: optional(input.email),
        phone: optional(input.phone),
        address: optional(input.address),
        notes: optional(input.notes),
      },
      deps.clock.now(),
    );
    // Field names only: a contact's details (a family member's address) stay out of the audit log.
    const changed = (Object.keys(input) as (keyof UpdateContactInput)[]).filter((k) => before[k] !== contact[k]).sort();
    await audit({ action: 'contact.updated', entityType: 'contact', entityId: id, details: { changed } });
    return presentContact(contact);
  });

/** Deleting takes the contact's links with it, some perhaps on matters the deleter cannot see: its creator or an administrator only. */
export const deleteContact = (deps: AppDeps, ctx: RequestContext, id: string): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = authorizeDirectoryWrite(ctx);
    const contact = await requireContact(tx, id);
    if (actor.role !== 'administrator' && contact.created_by !== actor.userId) {
      failWith('forbidden', 'access.denied', 'Only whoever added the contact, or an administrator, may delete it');
    }
    await removeContact(tx, id);
    await audit({
      action: 'contact.deleted',
      entityType: 'contact',
      entityId: id,
      details: { kind: contact.kind, name: contact.name },
    });
  });

/**
 * The target of a link: a matter the actor may write, or a person whose record they may add to. A
 * target the actor cannot see answers with `hidden` (so an unlink cannot probe for hidden links).
 */
const authorizeLinkTarget = async (
  tx: Executor,
  ctx: RequestContext,
  target: { personId: string | null; matterId: string | null },
  hidden?: { code: string; message: string },
) => {
  const viewer = viewerOf(ctx);
  if (target.matterId) {
    const matter = await findVisibleMatter(tx, viewer, target.matterId);
    if (!matter) {
      return failWith('not_found', hidden?.code ?? 'matter.not_found', hidden?.message ?? 'No such matter');
    }
    authorizeMatter(viewer.actor, 'matter.write', membershipOf(viewer.role, matter.viewer_matter_role), false);
    return;
  }
  const personId = target.personId ?? '';
  if (!(await isPersonVisible(tx, viewer, personId))) {
    return failWith('not_found', hidden?.code ?? 'person.not_found', hidden?.message ?? 'No such person');
  }
  if (!(await canWritePerson(tx, viewer, personId))) {
    failWith('forbidden', 'access.denied', "Only the person's team may link contacts to them");
  }
};

/** Link events are recorded against the person or matter, so they show in that record's activity. */
const auditLink = (audit: Audit, action: string, link: Omit<ContactLinkRow, 'person_name' | 'matter_title'>) =>
  audit({
    action,
    entityType: link.matter_id ? 'matter' : 'person',
    entityId: link.matter_id ?? link.person_id,
    details: { contactId: link.contact_id, linkId: link.id, relationship: link.relationship },
  });

export const linkContact = (deps: AppDeps, ctx: RequestContext, contactId: string, input: CreateContactLinkInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeDirectoryWrite(ctx);
    await requireContact(tx, contactId);
    const target = { personId: input.personId ?? null, matterId: input.matterId ?? null };
    await authorizeLinkTarget(tx, ctx, target);
    const id = deps.newId();
    await insertContactLink(tx, { id, contactId, ...target, relationship: input.relationship });
    await auditLink(audit, 'contact.linked', {
      id,
      contact_id: contactId,
      person_id: target.personId,
      matter_id: target.matterId,
      relationship: input.relationship,
    });
    const link = await findContactLink(tx, contactId, id);
    if (!link) throw new Error('the link just made is missing');
    return presentContactLink(link);
  });

export const unlinkContact = (deps: AppDeps, ctx: RequestContext, contactId: string, linkId: string) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeDirectoryWrite(ctx);
    const hidden = { code: 'contact_link.not_found', message: 'No such link' };
    const link = await findContactLink(tx, contactId, linkId);
    if (!link) return failWith('not_found', hidden.code, hidden.message);
    await authorizeLinkTarget(tx, ctx, { personId: link.person_id, matterId: link.matter_id }, hidden);
    await deleteContactLink(tx, linkId);
    await auditLink(audit, 'contact.unlinked', link);
  });

export const listMatterContacts = async (deps: AppDeps, ctx: RequestContext, matterId: string) => {
  const db = deps.database.db;
  await loadMatterFor(db, ctx, matterId, 'matter.read');
  return {
    items: (await queryMatterContacts(db, matterId)).map((r) => ({
      linkId: r.link_id,
      relationship: r.relationship,
      contact: presentContact(r),
    })),
  };
};
