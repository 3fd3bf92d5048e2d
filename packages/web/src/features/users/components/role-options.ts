import { ROLE_LABELS, ROLES, type Role } from '@redress/core';

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
