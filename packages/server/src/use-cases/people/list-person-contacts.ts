import type { PersonContactList } from '@redress/core';
import { listPersonContacts as queryPersonContacts } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { presentContact } from '../matters/presenters.js';
import { loadPersonAccess } from './person-access.js';

/**
 * The contacts linked to a person (family, supporters, the trial attorney), for whoever may see the
 * person: anyone else gets 404, as for a person who does not exist. The directory is shared by the
 * whole team, so each contact shows as it does in the directory.
 */
export const listPersonContacts = async (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
): Promise<PersonContactList> => {
  const db = deps.database.db;
  const { person } = await loadPersonAccess(db, ctx, personId);
  const rows = await queryPersonContacts(db, person.id);
  return {
    items: rows.map((r) => ({ linkId: r.link_id, relationship: r.relationship, contact: presentContact(r) })),
  };
};
