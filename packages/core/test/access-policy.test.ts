import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type AccessDecision,
  type Action,
  decide,
  MEMBERSHIPS,
  type Membership,
  membershipOf,
  scopePermits,
  type TokenScope,
} from '../src/access/policy.js';
import { MATTER_ROLES, type MatterRole, ROLES, type Role } from '../src/access/roles.js';

/**
 * THE ACCESS MATRIX. Written from the intended rules, not from the code: one row per action, whether the
 * record is privileged, and how the actor stands to the matter; one column per organisation role.
 * Y = allowed, . = denied. Every combination appears exactly once (checked below), so a new action or
 * role cannot be added without deciding its row here.
 */
const ACCESS_GRID = `
action                  | privileged | membership | administrator attorney advocate paralegal investigator law_apprentice volunteer
matter.read             | no         | none       | Y             Y        .        .         .            .              .
matter.read             | no         | team       | Y             Y        Y        Y         Y            Y              Y
matter.read             | no         | legal_team | Y             Y        Y        Y         Y            Y              Y
matter.read             | yes        | none       | .             .        .        .         .            .              .
matter.read             | yes        | team       | .             .        .        .         .            .              .
matter.read             | yes        | legal_team | Y             Y        Y        Y         Y            Y              Y

matter.write            | no         | none       | .             .        .        .         .            .              .
matter.write            | no         | team       | Y             Y        Y        Y         Y            Y              Y
matter.write            | no         | legal_team | Y             Y        Y        Y         Y            Y              Y
matter.write            | yes        | none       | .             .        .        .         .            .              .
matter.write            | yes        | team       | .             .        .        .         .            .              .
matter.write            | yes        | legal_team | Y             Y        Y        Y         Y            Y              Y

matter.delete           | no         | none       | Y             .        .        .         .            .              .
matter.delete           | no         | team       | Y             .        .        .         .            .              .
matter.delete           | no         | legal_team | Y             Y        .        .         .            .              .
matter.delete           | yes        | none       | .             .        .        .         .            .              .
matter.delete           | yes        | team       | .             .        .        .         .            .              .
matter.delete           | yes        | legal_team | Y             Y        .        .         .            .              .

matter.team.manage      | no         | none       | Y             .        .        .         .            .              .
matter.team.manage      | no         | team       | Y             .        .        .         .            .              .
matter.team.manage      | no         | legal_team | Y             Y        .        .         .            .              .
matter.team.manage      | yes        | none       | Y             .        .        .         .            .              .
matter.team.manage      | yes        | team       | Y             .        .        .         .            .              .
matter.team.manage      | yes        | legal_team | Y             Y        .        .         .            .              .

matter.restricted.read  | no         | none       | .             .        .        .         .            .              .
matter.restricted.read  | no         | team       | .             .        .        .         .            .              .
matter.restricted.read  | no         | legal_team | Y             Y        Y        Y         Y            Y              Y
matter.restricted.read  | yes        | none       | .             .        .        .         .            .              .
matter.restricted.read  | yes        | team       | .             .        .        .         .            .              .
matter.restricted.read  | yes        | legal_team | Y             Y        Y        Y         Y            Y              Y

matter.restricted.write | no         | none       | .             .        .        .         .            .              .
matter.restricted.write | no         | team       | .             .        .        .         .            .              .
matter.restricted.write | no         | legal_team | Y             Y        Y        Y         Y            Y              Y
matter.restricted.write | yes        | none       | .             .        .        .         .            .              .
matter.restricted.write | yes        | team       | .             .        .        .         .            .              .
matter.restricted.write | yes        | legal_team | Y             Y        Y        Y         Y            Y              Y

matter.create           | no         | none       | Y             Y        Y        Y         .            .              .
matter.create           | no         | team       | Y             Y        Y        Y         .            .              .
matter.create           | no         | legal_team | Y             Y        Y        Y         .            .              .
matter.create           | yes        | none       | Y             Y        Y        Y         .            .              .
matter.create           | yes        | team       | Y             Y        Y        Y         .            .              .
matter.create           | yes        | legal_team | Y             Y        Y        Y         .            .              .

user.manage             | no         | none       | Y             .        .        .         .            .              .
user.manage             | no         | team       | Y             .        .        .         .            .              .
user.manage             | no         | legal_team | Y             .        .        .         .            .              .
user.manage             | yes        | none       | Y             .        .        .         .            .              .
user.manage             | yes        | team       | Y             .        .        .         .            .              .
user.manage             | yes        | legal_team | Y             .        .        .         .            .              .

org.manage              | no         | none       | Y             .        .        .         .            .              .
org.manage              | no         | team       | Y             .        .        .         .            .              .
org.manage              | no         | legal_team | Y             .        .        .         .            .              .
org.manage              | yes        | none       | Y             .        .        .         .            .              .
org.manage              | yes        | team       | Y             .        .        .         .            .              .
org.manage              | yes        | legal_team | Y             .        .        .         .            .              .

audit.read              | no         | none       | Y             .        .        .         .            .              .
audit.read              | no         | team       | Y             .        .        .         .            .              .
audit.read              | no         | legal_team | Y             .        .        .         .            .              .
audit.read              | yes        | none       | Y             .        .        .         .            .              .
audit.read              | yes        | team       | Y             .        .        .         .            .              .
audit.read              | yes        | legal_team | Y             .        .        .         .            .              .

data.export             | no         | none       | Y             Y        .        .         .            .              .
data.export             | no         | team       | Y             Y        .        .         .            .              .
data.export             | no         | legal_team | Y             Y        .        .         .            .              .
data.export             | yes        | none       | Y             Y        .        .         .            .              .
data.export             | yes        | team       | Y             Y        .        .         .            .              .
data.export             | yes        | legal_team | Y             Y        .        .         .            .              .

data.import             | no         | none       | Y             Y        .        Y         .            .              .
data.import             | no         | team       | Y             Y        .        Y         .            .              .
data.import             | no         | legal_team | Y             Y        .        Y         .            .              .
data.import             | yes        | none       | Y             Y        .        Y         .            .              .
data.import             | yes        | team       | Y             Y        .        Y         .            .              .
data.import             | yes        | legal_team | Y             Y        .        Y         .            .              .
intake.triage           | no         | none       | Y             Y        Y        Y         .            .              .
intake.triage           | no         | team       | Y             Y        Y        Y         .            .              .
intake.triage           | no         | legal_team | Y             Y        Y        Y         .            .              .
intake.triage           | yes        | none       | Y             Y        Y        Y         .            .              .
intake.triage           | yes        | team       | Y             Y        Y        Y         .            .              .
intake.triage           | yes        | legal_team | Y             Y        Y        Y         .            .              .
`;

type GridRow = {
  line: number;
  action: string;
  isPrivileged: boolean;
  membership: string;
  expected: Record<string, boolean>;
};

const splitRow = (text: string): string[] => text.split('|').map((cell) => cell.trim());

const parseGrid = (grid: string): { roleColumns: string[]; rows: GridRow[] } => {
  const lines = grid.split('\n');
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const header = splitRow(lines[headerIndex] ?? '');
  expect(header.slice(0, 3)).toEqual(['action', 'privileged', 'membership']);
  const roleColumns = (header[3] ?? '').split(/\s+/);
  const rows: GridRow[] = [];
  lines.forEach((text, index) => {
    if (index <= headerIndex || text.trim() === '') return;
    const [action = '', privileged = '', membership = '', cells = ''] = splitRow(text);
    const marks = cells.split(/\s+/);
    if (marks.length !== roleColumns.length || !marks.every((m) => m === 'Y' || m === '.')) {
      throw new Error(`grid line ${index}: expected ${roleColumns.length} cells of Y or ., got "${cells}"`);
    }
    if (privileged !== 'yes' && privileged !== 'no') {
      throw new Error(`grid line ${index}: privileged must be yes or no, got "${privileged}"`);
    }
    rows.push({
      line: index,
      action,
      isPrivileged: privileged === 'yes',
      membership,
      expected: Object.fromEntries(roleColumns.map((role, i) => [role, marks[i] === 'Y'])),
    });
  });
  return { roleColumns, rows };
};

const { roleColumns, rows } = parseGrid(ACCESS_GRID);
const keyOf = (action: string, isPrivileged: boolean, membership: string) =>
  `${action} | ${isPrivileged ? 'privileged' : 'not privileged'} | ${membership}`;

describe('the access matrix', () => {
  it('has one column for every organisation role, and no others', () => {
    expect([...roleColumns].sort()).toEqual([...ROLES].sort());
    expect(new Set(roleColumns).size).toBe(roleColumns.length);
  });

  it('has exactly one row for every action x privilege x membership', () => {
    const expectedKeys = ACTIONS.flatMap((action) =>
      [false, true].flatMap((isPrivileged) => MEMBERSHIPS.map((m) => keyOf(action, isPrivileged, m))),
    );
    const gridKeys = rows.map((r) => keyOf(r.action, r.isPrivileged, r.membership));
    const duplicates = gridKeys.filter((k, i) => gridKeys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
    expect([...gridKeys].sort()).toEqual([...expectedKeys].sort());
    expect(rows.length * roleColumns.length).toBe(ROLES.length * ACTIONS.length * MEMBERSHIPS.length * 2);
  });

  it.each(rows.map((r) => [keyOf(r.action, r.isPrivileged, r.membership), r] as const))(
    'decides %s as the grid says for every role',
    (_name, row) => {
      const actual = Object.fromEntries(
        roleColumns.map((role) => [
          role,
          decide({
            role: role as Role,
            action: row.action as Action,
            membership: row.membership as Membership,
            isPrivileged: row.isPrivileged,
          }).allowed,
        ]),
      );
      expect(actual, `grid line ${row.line}`).toEqual(row.expected);
    },
  );
});

describe('decide: the reason given for a denial', () => {
  type ReasonCase = {
    why: string;
    role: Role;
    action: Action;
    membership: Membership;
    isPrivileged: boolean;
    decision: AccessDecision;
  };
  const denied = (reason: 'role' | 'membership' | 'privilege'): AccessDecision => ({ allowed: false, reason });
  const cases: ReasonCase[] = [
    {
      why: 'a workspace action the role lacks is refused for the role, even on the legal team',
      role: 'paralegal',
      action: 'user.manage',
      membership: 'legal_team',
      isPrivileged: false,
      decision: denied('role'),
    },
    {
      why: 'a volunteer cannot create matters',
      role: 'volunteer',
      action: 'matter.create',
      membership: 'none',
      isPrivileged: false,
      decision: denied('role'),
    },
    {
      why: 'an attorney cannot read the audit log',
      role: 'attorney',
      action: 'audit.read',
      membership: 'legal_team',
      isPrivileged: true,
      decision: denied('role'),
    },
    {
      why: 'an advocate on the legal team still may not delete a matter',
      role: 'advocate',
      action: 'matter.delete',
      membership: 'legal_team',
      isPrivileged: false,
      decision: denied('role'),
    },
    {
      why: 'a paralegal on the legal team may not manage the matter team',
      role: 'paralegal',
      action: 'matter.team.manage',
      membership: 'legal_team',
      isPrivileged: false,
      decision: denied('role'),
    },
    {
      why: 'an investigator off the team cannot read a non-privileged record',
      role: 'investigator',
      action: 'matter.read',
      membership: 'none',
      isPrivileged: false,
      decision: denied('membership'),
    },
    {
      why: 'an administrator off the team cannot write a non-privileged record',
      role: 'administrator',
      action: 'matter.write',
      membership: 'none',
      isPrivileged: false,
      decision: denied('membership'),
    },
    {
      why: 'an attorney off the team cannot read a privileged record',
      role: 'attorney',
      action: 'matter.read',
      membership: 'none',
      isPrivileged: true,
      decision: denied('membership'),
    },
    {
      why: 'a volunteer on the team cannot read a privileged record',
      role: 'volunteer',
      action: 'matter.read',
      membership: 'team',
      isPrivileged: true,
      decision: denied('privilege'),
    },
    {
      why: 'a team member outside privilege cannot write a privileged record',
      role: 'attorney',
      action: 'matter.write',
      membership: 'team',
      isPrivileged: true,
      decision: denied('privilege'),
    },
    {
      why: 'restricted victim fields are refused to a team member outside privilege',
      role: 'volunteer',
      action: 'matter.restricted.read',
      membership: 'team',
      isPrivileged: false,
      decision: denied('privilege'),
    },
    {
      why: 'restricted victim fields are refused to an administrator off the team',
      role: 'administrator',
      action: 'matter.restricted.write',
      membership: 'none',
      isPrivileged: false,
      decision: denied('membership'),
    },
    {
      why: 'an administrator on the team outside privilege cannot delete a privileged record',
      role: 'administrator',
      action: 'matter.delete',
      membership: 'team',
      isPrivileged: true,
      decision: denied('privilege'),
    },
    {
      why: 'an administrator off the team cannot delete a privileged record',
      role: 'administrator',
      action: 'matter.delete',
      membership: 'none',
      isPrivileged: true,
      decision: denied('membership'),
    },
    {
      why: 'an attorney on the team outside privilege cannot delete the matter',
      role: 'attorney',
      action: 'matter.delete',
      membership: 'team',
      isPrivileged: false,
      decision: denied('membership'),
    },
    {
      why: 'an attorney off the team cannot manage the matter team',
      role: 'attorney',
      action: 'matter.team.manage',
      membership: 'none',
      isPrivileged: false,
      decision: denied('membership'),
    },
    {
      why: 'an allowed request carries no reason',
      role: 'law_apprentice',
      action: 'matter.restricted.read',
      membership: 'legal_team',
      isPrivileged: true,
      decision: { allowed: true },
    },
  ];

  it.each(cases.map((c) => [c.why, c] as const))('%s', (_why, { role, action, membership, isPrivileged, decision }) => {
    expect(decide({ role, action, membership, isPrivileged })).toEqual(decision);
  });
});

describe('membershipOf', () => {
  const LEGAL_MATTER_ROLES = MATTER_ROLES.filter((m) => m !== 'volunteer');

  it.each([
    ['attorney', null, 'none'],
    ['administrator', null, 'none'],
    ['volunteer', null, 'none'],
    ['attorney', 'lead_attorney', 'legal_team'],
    ['attorney', 'co_counsel', 'legal_team'],
    ['paralegal', 'paralegal', 'legal_team'],
    ['law_apprentice', 'law_apprentice', 'legal_team'],
    ['investigator', 'investigator', 'legal_team'],
    ['advocate', 'advocate', 'legal_team'],
    ['attorney', 'volunteer', 'team'],
    ['administrator', 'volunteer', 'team'],
    ['volunteer', 'volunteer', 'team'],
    ['volunteer', 'lead_attorney', 'team'],
    ['volunteer', 'investigator', 'team'],
  ] satisfies [Role, MatterRole | null, Membership][])(
    'puts an org %s with matter role %s in %s',
    (role, matterRole, membership) => {
      expect(membershipOf(role, matterRole)).toBe(membership);
    },
  );

  it('puts nobody on a matter they have no role on, whatever their organisation role', () => {
    for (const role of ROLES) expect(membershipOf(role, null), role).toBe('none');
  });

  it('never puts a volunteer on the legal team, whatever their matter role', () => {
    for (const matterRole of MATTER_ROLES) expect(membershipOf('volunteer', matterRole), matterRole).toBe('team');
  });

  it('puts every other role with a legal matter role on the legal team', () => {
    for (const role of ROLES.filter((r) => r !== 'volunteer')) {
      for (const matterRole of LEGAL_MATTER_ROLES) {
        expect(membershipOf(role, matterRole), `${role} as ${matterRole}`).toBe('legal_team');
      }
    }
  });

  it('keeps anyone whose matter role is volunteer outside privilege', () => {
    for (const role of ROLES) expect(membershipOf(role, 'volunteer'), role).toBe('team');
  });
});

/**
 * Token scopes, as a grid: columns are the scopes a token carries ("-" = no scope at all).
 * Only the first three columns are stated by the rules (read scope: reads and export only; write: writes;
 * admin: needed for user, org and audit). The rules say nothing of write-only or admin-only tokens on reads,
 * or admin-only tokens on writes: those cells record the code's current choice (any scope reads; admin does
 * not imply write).
 */
const SCOPE_GRID = `
action                  | -  read write admin read,write read,write,admin
matter.read             | .  Y    Y     Y     Y          Y
matter.write            | .  .    Y     .     Y          Y
matter.delete           | .  .    Y     .     Y          Y
matter.team.manage      | .  .    Y     .     Y          Y
matter.restricted.read  | .  Y    Y     Y     Y          Y
matter.restricted.write | .  .    Y     .     Y          Y
matter.create           | .  .    Y     .     Y          Y
user.manage             | .  .    .     Y     .          Y
org.manage              | .  .    .     Y     .          Y
audit.read              | .  .    .     Y     .          Y
data.export             | .  Y    Y     Y     Y          Y
data.import             | .  .    Y     .     Y          Y
intake.triage           | .  .    Y     .     Y          Y
`;

describe('scopePermits', () => {
  const lines = SCOPE_GRID.split('\n').filter((l) => l.trim() !== '');
  const scopeColumns = splitRow(lines[0] ?? '')[1]?.split(/\s+/) ?? [];
  const scopesOf = (column: string): TokenScope[] => (column === '-' ? [] : (column.split(',') as TokenScope[]));
  const scopeRows = lines.slice(1).map((text) => {
    const [action = '', cells = ''] = splitRow(text);
    return { action, marks: cells.split(/\s+/) };
  });

  it('has exactly one row for every action', () => {
    expect(scopeRows.map((r) => r.action).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(scopeRows.map((r) => [r.action, r] as const))('permits %s to the scopes the grid says', (_name, row) => {
    expect(row.marks).toHaveLength(scopeColumns.length);
    const actual = Object.fromEntries(
      scopeColumns.map((column) => [column, scopePermits(scopesOf(column), row.action as Action) ? 'Y' : '.']),
    );
    const expected = Object.fromEntries(scopeColumns.map((column, i) => [column, row.marks[i]]));
    expect(actual).toEqual(expected);
  });
});
