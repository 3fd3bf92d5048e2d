import { can, type Role } from '@redress/core';

/** The intake.triage grant of the shared access policy; the server enforces it on every call. */
export const canTriage = (role: Role): boolean =>
  can({ role, action: 'intake.triage', membership: 'none', isPrivileged: false });
