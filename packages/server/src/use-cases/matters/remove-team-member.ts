import { deleteTeamMember, listTeam } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadMatterFor } from './matter-access.js';

/**
 * Takes someone off a matter's team. The last member stays: a matter nobody is on could be written by
 * no one (only team members write) and read only by the org-wide readers.
 */
export const removeTeamMember = (deps: AppDeps, ctx: RequestContext, matterId: string, userId: string): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadMatterFor(tx, ctx, matterId, 'matter.team.manage', { forUpdate: true });
    const team = await listTeam(tx, matterId);
    const member = team.find((t) => t.user_id === userId);
    if (!member) return failWith('not_found', 'team.member_not_found', 'Not on the team');
    if (team.length <= 1) {
      return failWith('unprocessable', 'team.last_member', 'A matter keeps at least one team member', {
        userId: 'The last member of the team',
      });
    }
    await deleteTeamMember(tx, matterId, userId);
    await audit({
      action: 'team.member_removed',
      entityType: 'matter',
      entityId: matterId,
      details: { userId, name: member.name, matterRole: member.matter_role },
    });
  });
