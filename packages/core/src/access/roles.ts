/** Organisation roles: what a person does on the team. One per user. */
export const ROLES = [
  'administrator',
  'attorney',
  'advocate',
  'paralegal',
  'investigator',
  'law_apprentice',
  'volunteer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  attorney: 'Attorney',
  advocate: 'Advocate',
  paralegal: 'Paralegal',
  investigator: 'Investigator',
  law_apprentice: 'Law apprentice',
  volunteer: 'Volunteer',
};

/** Roles on one matter's team. */
export const MATTER_ROLES = [
  'lead_attorney',
  'co_counsel',
  'advocate',
  'investigator',
  'paralegal',
  'law_apprentice',
  'volunteer',
] as const;
export type MatterRole = (typeof MATTER_ROLES)[number];

/**
 * The legal team of a matter: the people working at the direction of its attorneys, whose access does
 * not waive privilege (attorneys, and their agents: advocates, paralegals, investigators and law
 * apprentices under supervision). Volunteers are on the team but outside privilege.
 */
export const LEGAL_TEAM_MATTER_ROLES: ReadonlySet<MatterRole> = new Set([
  'lead_attorney',
  'co_counsel',
  'advocate',
  'investigator',
  'paralegal',
  'law_apprentice',
]);

export const isLegalTeamRole = (role: MatterRole): boolean => LEGAL_TEAM_MATTER_ROLES.has(role);
