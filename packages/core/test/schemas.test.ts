import { describe, expect, it } from 'vitest';
import { NewPassword } from '../src/auth/password-policy.js';
import { AuditQuery, CreateUserInput, UpdateOrgSettingsInput } from '../src/schemas/admin.schemas.js';
import { LoginInput, SecondFactorInput, TotpCode } from '../src/schemas/auth.schemas.js';
import { Line } from '../src/schemas/common.js';

/** A password of exactly `length` characters with enough variety to pass the variety rule. */
const passwordOf = (length: number) => 'abcd'.repeat(Math.ceil(length / 4)).slice(0, length);

describe('LoginInput', () => {
  it('rejects unknown fields', () => {
    const result = LoginInput.safeParse({ email: 'ada@example.org', password: 'secret', isAdmin: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['isAdmin'] });
  });

  it('trims and lowercases the email', () => {
    expect(LoginInput.parse({ email: '  Ada.Lovelace@Example.ORG ', password: 'secret' })).toEqual({
      email: 'ada.lovelace@example.org',
      password: 'secret',
    });
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'secret' }],
    ['an empty password', { email: 'ada@example.org', password: '' }],
    ['a missing password', { email: 'ada@example.org' }],
  ])('rejects %s', (_why, input) => {
    expect(LoginInput.safeParse(input).success).toBe(false);
  });
});

describe('NewPassword', () => {
  it.each([
    ['rejects', 11, false],
    ['accepts', 12, true],
    ['accepts', 256, true],
    ['rejects', 257, false],
  ] as const)('%s a password of %i characters', (_verb, length, isAccepted) => {
    const password = passwordOf(length);
    expect(password).toHaveLength(length);
    expect(NewPassword.safeParse(password).success).toBe(isAccepted);
  });

  it('rejects a long password made of fewer than four different characters', () => {
    expect(NewPassword.safeParse('abcabcabcabcabc').success).toBe(false);
  });
});

describe('SecondFactorInput', () => {
  it.each([
    ['accepts only a code', { code: '123456' }, true],
    ['accepts only a recovery code', { recoveryCode: 'abcde-12345' }, true],
    ['rejects both a code and a recovery code', { code: '123456', recoveryCode: 'abcde-12345' }, false],
    ['rejects neither', {}, false],
    ['rejects an unknown field beside a code', { code: '123456', remember: true }, false],
  ] as const)('%s', (_name, input, isAccepted) => {
    expect(SecondFactorInput.safeParse(input).success).toBe(isAccepted);
  });

  it('normalises a recovery code to trimmed lower case', () => {
    expect(SecondFactorInput.parse({ recoveryCode: ' ABCDE-12345 ' })).toEqual({ recoveryCode: 'abcde-12345' });
  });
});

describe('TotpCode', () => {
  it.each([
    ['accepts six digits', '123456', true],
    ['accepts six digits with surrounding spaces', ' 123456 ', true],
    ['rejects five digits', '12345', false],
    ['rejects seven digits', '1234567', false],
    ['rejects a letter among digits', '12a456', false],
    ['rejects letters', 'abcdef', false],
    ['rejects an empty code', '', false],
  ] as const)('%s', (_name, code, isAccepted) => {
    expect(TotpCode.safeParse(code).success).toBe(isAccepted);
  });
});

describe('CreateUserInput', () => {
  const valid = { email: 'pat@example.org', name: 'Pat Paralegal', role: 'paralegal' };

  it('accepts a user with a known role', () => {
    expect(CreateUserInput.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a made-up role', 'superuser'],
    ['a role in the wrong case', 'Administrator'],
    ['a matter role, which is not an organisation role', 'lead_attorney'],
    ['an empty role', ''],
  ])('rejects %s', (_name, role) => {
    expect(CreateUserInput.safeParse({ ...valid, role }).success).toBe(false);
  });
});

describe('UpdateOrgSettingsInput', () => {
  it('rejects an empty change', () => {
    const result = UpdateOrgSettingsInput.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Change at least one field');
  });

  it.each([
    ['rejects', 'sessionIdleMinutes', 4, false],
    ['accepts', 'sessionIdleMinutes', 5, true],
    ['accepts', 'sessionIdleMinutes', 24 * 60, true],
    ['rejects', 'sessionIdleMinutes', 24 * 60 + 1, false],
    ['rejects', 'sessionIdleMinutes', 30.5, false],
    ['rejects', 'sessionAbsoluteHours', 0, false],
    ['accepts', 'sessionAbsoluteHours', 1, true],
    ['accepts', 'sessionAbsoluteHours', 24 * 30, true],
    ['rejects', 'sessionAbsoluteHours', 24 * 30 + 1, false],
  ] as const)('%s %s = %s', (_verb, field, value, isAccepted) => {
    expect(UpdateOrgSettingsInput.safeParse({ [field]: value }).success).toBe(isAccepted);
  });

  it('rejects unknown fields', () => {
    expect(UpdateOrgSettingsInput.safeParse({ requireTotp: true, plan: 'enterprise' }).success).toBe(false);
  });
});

describe('Line', () => {
  const line = Line(20);

  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'a\u0007b'],
    ['a newline inside the text', 'first\nsecond'],
    ['a carriage return inside the text', 'first\rsecond'],
    ['a tab inside the text', 'a\tb'],
    ['ESC (terminal escape sequences)', 'a\u001b[31mb'],
    ['DEL', 'a\u007fb'],
  ])('rejects %s as a control character', (_name, text) => {
    const result = line.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Must not contain control or invisible characters');
  });

  it.each([
    ['ordinary text', 'Jane Doe', 'Jane Doe'],
    ['accented letters', 'Zoë Ågren-Núñez', 'Zoë Ågren-Núñez'],
    ['surrounding whitespace, trimmed away', '  Jane Doe \n', 'Jane Doe'],
  ])('accepts %s', (_name, text, parsed) => {
    expect(line.parse(text)).toBe(parsed);
  });

  it.each([
    ['an empty string', ''],
    ['only whitespace', '   '],
    ['more than the maximum length', 'x'.repeat(21)],
  ])('rejects %s', (_name, text) => {
    expect(line.safeParse(text).success).toBe(false);
  });
});

describe('AuditQuery', () => {
  it('coerces the limit from a query string', () => {
    expect(AuditQuery.parse({ limit: '20' })).toEqual({ limit: 20 });
  });

  it('defaults the limit to 50', () => {
    expect(AuditQuery.parse({})).toEqual({ limit: 50 });
  });

  it.each([
    ['the number 0', 0],
    ['the string "0"', '0'],
    ['201, above the maximum', 201],
    ['a fraction', '1.5'],
    ['a word', 'ten'],
  ])('rejects a limit of %s', (_name, limit) => {
    expect(AuditQuery.safeParse({ limit }).success).toBe(false);
  });

  it('rejects unknown filters', () => {
    expect(AuditQuery.safeParse({ actor: 'someone' }).success).toBe(false);
  });
});

describe('Line against hidden text', () => {
  it.each([
    ['a C1 control (NEL)', 'a\u0085b'],
    ['a CSI terminal escape', 'a\u009bb'],
    ['a line separator', 'a\u2028b'],
    ['a right-to-left override', 'invoice\u202Etxt.exe'],
    ['a zero-width space', 'a\u200bb'],
  ])('rejects %s', (_name, text) => {
    expect(Line(40).safeParse(text).success).toBe(false);
  });
});
