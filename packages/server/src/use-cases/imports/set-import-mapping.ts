import { type ImportView, resolveMapping, type SetImportMappingInput } from '@redress/core';
import { updateImport } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadImport } from './import-access.js';
import { presentImport, stateOf } from './import-state.js';

/**
 * Saves which column fills which field. The mapping is checked against the file (every required
 * field mapped, each field from one column); a new mapping starts the run afresh.
 */
export const setImportMapping = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: SetImportMappingInput,
): Promise<ImportView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const row = await loadImport(tx, ctx, id);
    if (row.status === 'importing') {
      return failWith('conflict', 'import.running', 'The import is running: wait for it to finish');
    }
    const resolved = resolveMapping(row.kind, row.header, input.mapping);
    if (!resolved.ok) {
      return failWith(resolved.error.category, resolved.error.code, resolved.error.message, resolved.error.details);
    }
    const updated = await updateImport(
      tx,
      id,
      { status: 'mapped', mapping: input.mapping, rowsDone: 0, report: { ...stateOf(row), run: null, dryRun: null } },
      deps.clock.now(),
    );
    if (!updated) return failWith('not_found', 'import.not_found', 'No such import');
    await audit({ action: 'import.mapped', entityType: 'import', entityId: id, details: { mapping: input.mapping } });
    return presentImport(updated);
  });
