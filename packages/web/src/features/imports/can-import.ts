import type { Role } from '@redress/core';

/** Mirrors the server's grants (data.import, data.export); the server enforces them on every call. */
const IMPORTERS: ReadonlySet<Role> = new Set(['administrator', 'attorney', 'paralegal']);
const EXPORTERS: ReadonlySet<Role> = new Set(['administrator', 'attorney']);

export const canImport = (role: Role): boolean => IMPORTERS.has(role);
export const canExport = (role: Role): boolean => EXPORTERS.has(role);
