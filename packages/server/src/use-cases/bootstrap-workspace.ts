import { countUsers, findOrganisation, insertOrganisation, insertUser, seedFacilityDirectory } from '@redress/db';
import { sql } from 'kysely';
import { systemContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { type IssuedLink, issueSignInLink } from './credentials.js';

export type Bootstrap =
  | { created: false }
  | { created: true; adminUserId: string; adminEmail: string; signInLink: IssuedLink };

const BOOTSTRAP_LOCK_KEY = 727_003;

/**
 * On an empty database: the organisation and its first administrator, who signs in through a one-time
 * link printed once. No default password ever exists. Safe when several servers start at once.
 * On every start: the facility directory shipped with this release is brought up to date (entries an
 * administrator edited are left alone).
 */
export const bootstrapWorkspace = (
  deps: AppDeps,
  options: { organisationName: string; adminEmail: string; adminName: string },
): Promise<Bootstrap> =>
  inTransaction(deps, systemContext('redress start'), async (tx, audit) => {
    await sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`.execute(tx);
    const now = deps.clock.now();
    const directory = await seedFacilityDirectory(tx, now, { newId: deps.newId });
    if (directory.inserted + directory.updated > 0) {
      await audit({ action: 'facility.directory_seeded', entityType: 'facility', entityId: null, details: directory });
    }
    if ((await findOrganisation(tx)) && (await countUsers(tx)) > 0) return { created: false };
    if (!(await findOrganisation(tx))) await insertOrganisation(tx, options.organisationName, now);
    const admin = await insertUser(tx, {
      id: deps.newId(),
      email: options.adminEmail,
      name: options.adminName,
      role: 'administrator',
      passwordHash: null,
      now,
    });
    const signInLink = await issueSignInLink(tx, deps, admin.id, 'invite', null);
    await audit({
      action: 'workspace.created',
      entityType: 'organisation',
      entityId: '1',
      details: { organisationName: options.organisationName, adminEmail: admin.email },
    });
    return { created: true, adminUserId: admin.id, adminEmail: admin.email, signInLink };
  });
