import { isLegalTeamRole, type MatterRole, type Role } from './roles.js';

/** Actions on one matter and the records inside it (notes, tasks, documents, sentence events...). */
export const MATTER_ACTIONS = [
  'matter.read',
  'matter.write',
  'matter.delete',
  'matter.team.manage',
  /** Restricted fields such as victims and survivors. */
  'matter.restricted.read',
  'matter.restricted.write',
] as const;
export type MatterAction = (typeof MATTER_ACTIONS)[number];

/** Actions on the workspace as a whole. */
export const WORKSPACE_ACTIONS = [
  'matter.create',
  'user.manage',
  'org.manage',
  'audit.read',
  'data.export',
  'data.import',
  /** Read, triage and decide intakes: first letters and public submissions, before anyone is a client. */
  'intake.triage',
] as const;
export type WorkspaceAction = (typeof WORKSPACE_ACTIONS)[number];

export type Action = MatterAction | WorkspaceAction;
export const ACTIONS: readonly Action[] = [...MATTER_ACTIONS, ...WORKSPACE_ACTIONS];

/**
 * How an actor stands to a matter: not on its team, on its team outside privilege (volunteers), or on
 * its legal team (attorneys and the agents who work at their direction).
 */
export const MEMBERSHIPS = ['none', 'team', 'legal_team'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

export type AccessRequest = {
  role: Role;
  action: Action;
  /** Ignored for workspace actions. */
  membership: Membership;
  /** Whether the record is privileged (attorney work product, privileged notes). */
  isPrivileged: boolean;
};

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'role' | 'membership' | 'privilege' };

const ALLOW: AccessDecision = { allowed: true };
const deny = (reason: 'role' | 'membership' | 'privilege'): AccessDecision => ({ allowed: false, reason });

/** Roles that oversee the whole docket and may read any matter's non-privileged record. */
export const ORG_WIDE_READERS: ReadonlySet<Role> = new Set(['administrator', 'attorney']);
export const isOrgWideReader = (role: Role): boolean => ORG_WIDE_READERS.has(role);

const WORKSPACE_GRANTS: Record<WorkspaceAction, ReadonlySet<Role>> = {
  'matter.create': new Set(['administrator', 'attorney', 'advocate', 'paralegal']),
  'user.manage': new Set(['administrator']),
  'org.manage': new Set(['administrator']),
  'audit.read': new Set(['administrator']),
  'data.export': new Set(['administrator', 'attorney']),
  'data.import': new Set(['administrator', 'attorney', 'paralegal']),
  'intake.triage': new Set(['administrator', 'attorney', 'advocate', 'paralegal']),
};

/** Membership follows the matter role, but a volunteer never joins privilege whatever the matter role. */
export const membershipOf = (role: Role, matterRole: MatterRole | null): Membership => {
  if (matterRole === null) return 'none';
  if (role !== 'volunteer' && isLegalTeamRole(matterRole)) return 'legal_team';
  return 'team';
};

const isWorkspaceAction = (action: Action): action is WorkspaceAction => action in WORKSPACE_GRANTS;

/** The access policy: a pure function of who asks, for what, and how they stand to the matter. */
export const decide = ({ role, action, membership, isPrivileged }: AccessRequest): AccessDecision => {
  if (isWorkspaceAction(action)) return WORKSPACE_GRANTS[action].has(role) ? ALLOW : deny('role');

  const onLegalTeam = membership === 'legal_team';
  const onTeam = membership !== 'none';
  // Privilege and restricted fields follow the legal team and nothing else: no role sees past it.
  const privilegeGate = (): AccessDecision => (onLegalTeam ? ALLOW : deny(onTeam ? 'privilege' : 'membership'));

  switch (action) {
    case 'matter.read':
      if (isPrivileged) return privilegeGate();
      return onTeam || ORG_WIDE_READERS.has(role) ? ALLOW : deny('membership');
    case 'matter.write':
      if (isPrivileged) return privilegeGate();
      return onTeam ? ALLOW : deny('membership');
    case 'matter.delete':
      if (role === 'administrator') return isPrivileged ? privilegeGate() : ALLOW;
      if (role !== 'attorney') return deny('role');
      return onLegalTeam ? ALLOW : deny('membership');
    case 'matter.team.manage':
      if (role === 'administrator') return ALLOW;
      if (role !== 'attorney') return deny('role');
      return onLegalTeam ? ALLOW : deny('membership');
    case 'matter.restricted.read':
    case 'matter.restricted.write':
      return privilegeGate();
  }
};

export const can = (request: AccessRequest): boolean => decide(request).allowed;

/** Scopes an API token may carry; a token never grants more than its user's role. */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const ADMIN_ACTIONS: ReadonlySet<Action> = new Set(['user.manage', 'org.manage', 'audit.read']);
const READ_ACTIONS: ReadonlySet<Action> = new Set(['matter.read', 'matter.restricted.read', 'data.export']);

export const scopePermits = (scopes: readonly TokenScope[], action: Action): boolean => {
  if (ADMIN_ACTIONS.has(action)) return scopes.includes('admin');
  if (READ_ACTIONS.has(action)) return scopes.length > 0;
  return scopes.includes('write');
};
