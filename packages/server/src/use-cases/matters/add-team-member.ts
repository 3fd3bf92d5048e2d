import {
  type AddTeamMemberInput,
  DEFAULT_MATTER_ROLE,
  type MatterRole,
  matterRoleFits,
  type TeamMemberView,
} from '@redress/core';
import { findUserById, insertTeamMember, listTeam, type Tx } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadMatterFor } from './matter-access.js';
import { presentTeamMember } from './presenters.js';

export type { AddTeamMemberInput };

/** The user a team change is about: an active user whose organisation role fits the matter role. */
export const teamCandidate = async (tx: Tx, userId: string, matterRole: MatterRole | undefined) => {
  const user = await findUserById(tx, userId);
  if (!user || user.is_disabled) {
    return failWith('invalid', 'team.unknown_user', 'No such active user', { userId: 'No such active user' });
  }
  const role = matterRole ?? DEFAULT_MATTER_ROLE[user.role];
  if (!matterRoleFits(user.role, role)) {
    return failWith('unprocessable', 'team.role_not_allowed', `A ${user.role} cannot be ${role} on a matter`, {
      matterRole:
        role === 'lead_attorney' || role === 'co_counsel'
          ? 'Counsel must be an attorney'
          : 'A volunteer joins as a volunteer',
    });
  }
  return { user, matterRole: role };
};

export const addTeamMember = (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  input: AddTeamMemberInput,
): Promise<{ items: TeamMemberView[] }> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadMatterFor(tx, ctx, matterId, 'matter.team.manage', { forUpdate: true });
    const { user, matterRole } = await teamCandidate(tx, input.userId, input.matterRole);
    const added = await insertTeamMember(tx, { matterId, userId: user.id, matterRole, now: deps.clock.now() });
    if (!added) {
      return failWith('conflict', 'team.already_member', 'Already on the team', { userId: 'Already on the team' });
    }
    await audit({
      action: 'team.member_added',
      entityType: 'matter',
      entityId: matterId,
      details: { userId: user.id, name: user.name, matterRole },
    });
    return { items: (await listTeam(tx, matterId)).map(presentTeamMember) };
  });
