import type { ChangeTeamMemberInput, TeamMemberView } from '@redress/core';
import { findTeamMembers, listTeam, updateTeamMemberRole } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { teamCandidate } from './add-team-member.js';
import { loadMatterFor } from './matter-access.js';
import { presentTeamMember } from './presenters.js';

export type { ChangeTeamMemberInput };

export const changeTeamMember = (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  userId: string,
  input: ChangeTeamMemberInput,
): Promise<{ items: TeamMemberView[] }> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadMatterFor(tx, ctx, matterId, 'matter.team.manage', { forUpdate: true });
    const [current] = await findTeamMembers(tx, matterId, [userId]);
    if (!current) return failWith('not_found', 'team.member_not_found', 'Not on the team');
    const { matterRole } = await teamCandidate(tx, userId, input.matterRole);
    if (matterRole !== current.matter_role) {
      await updateTeamMemberRole(tx, matterId, userId, matterRole);
      await audit({
        action: 'team.member_role_changed',
        entityType: 'matter',
        entityId: matterId,
        details: { userId, matterRole: { from: current.matter_role, to: matterRole } },
      });
    }
    return { items: (await listTeam(tx, matterId)).map(presentTeamMember) };
  });
