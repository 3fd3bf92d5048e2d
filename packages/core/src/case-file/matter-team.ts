import type { MatterRole, Role } from '../access/roles.js';

/**
 * The matter role someone takes when they open a matter, from what they do on the team. An
 * administrator runs the system, not the case: they join so they can keep the record up to date, but
 * outside privilege (as a volunteer would), until an attorney gives them a legal role.
 */
export const DEFAULT_MATTER_ROLE: Record<Role, MatterRole> = {
  administrator: 'volunteer',
  attorney: 'lead_attorney',
  advocate: 'advocate',
  paralegal: 'paralegal',
  investigator: 'investigator',
  law_apprentice: 'law_apprentice',
  volunteer: 'volunteer',
};

const ATTORNEY_ONLY: ReadonlySet<MatterRole> = new Set(['lead_attorney', 'co_counsel']);

/**
 * Whether a user with an organisation role may hold a matter role: counsel roles need a licensed
 * attorney, and a volunteer is a volunteer on every matter (the policy never lets a volunteer into
 * privilege, so any other label would mislead the team).
 */
export const matterRoleFits = (role: Role, matterRole: MatterRole): boolean => {
  if (ATTORNEY_ONLY.has(matterRole)) return role === 'attorney';
  if (role === 'volunteer') return matterRole === 'volunteer';
  return true;
};
