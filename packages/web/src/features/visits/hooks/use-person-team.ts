import type { PersonView, Role } from '@redress/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useSession } from '../../session/session-context';
import { usersQueryOptions } from '../../users/api/list-users';
import { matterTeamQueryOptions } from '../api/list-matter-team';

export type TeamMember = { userId: string; name: string; role: Role };

/**
 * The people who work for this person: the teams of their matters and the signed-in user. An
 * administrator may name anyone in the organisation (the list of users is theirs to read).
 */
export const usePersonTeam = (person: PersonView): { members: TeamMember[]; isPending: boolean } => {
  const { user } = useSession();
  const isAdministrator = user.role === 'administrator';
  const teams = useQueries({ queries: person.matters.map((matter) => matterTeamQueryOptions(matter.id)) });
  const users = useQuery({ ...usersQueryOptions(), enabled: isAdministrator });
  const byId = new Map<string, TeamMember>();
  byId.set(user.id, { userId: user.id, name: user.name, role: user.role });
  for (const team of teams) {
    for (const member of team.data?.items ?? []) {
      byId.set(member.userId, { userId: member.userId, name: member.name, role: member.role });
    }
  }
  for (const other of users.data?.items ?? []) {
    if (!other.isDisabled) byId.set(other.id, { userId: other.id, name: other.name, role: other.role });
  }
  const members = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { members, isPending: teams.some((team) => team.isPending) || (isAdministrator && users.isPending) };
};
