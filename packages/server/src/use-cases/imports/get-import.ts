import type { ImportView } from '@redress/core';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { loadImport } from './import-access.js';
import { presentImport } from './import-state.js';

/** An import's status, progress (rows done of rows in the file) and reports. */
export const getImport = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportView> =>
  presentImport(await loadImport(deps.database.db, ctx, id));
