import type { MatterDetail, UpdateMatterInput } from '@redress/core';
import { findVisibleMatter, markPersonReleased, updateMatter } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { matterDetailOf } from './get-matter.js';
import { loadMatterFor, todayOf } from './matter-access.js';

export type { UpdateMatterInput };

const FIELDS = {
  title: 'title',
  decisionMaker: 'decision_maker',
  outcome: 'outcome',
  openedOn: 'opened_on',
  closedOn: 'closed_on',
  releaseDate: 'release_date',
} as const;

/**
 * Changes a matter's title, decision-maker, outcome and dates. A granted matter with a release date
 * that has come marks a person in custody released, in the same transaction (a release date still
 * ahead waits: the person is not out yet).
 */
export const updateMatterRecord = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateMatterInput,
): Promise<MatterDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { matter, membership, viewer } = await loadMatterFor(tx, ctx, id, 'matter.write', { forUpdate: true });
    const next = {
      title: input.title ?? matter.title,
      decision_maker: input.decisionMaker === undefined ? matter.decision_maker : input.decisionMaker,
      outcome: input.outcome ?? matter.outcome,
      opened_on: input.openedOn ?? matter.opened_on,
      closed_on: input.closedOn === undefined ? matter.closed_on : input.closedOn,
      release_date: input.releaseDate === undefined ? matter.release_date : input.releaseDate,
    };
    const details: Record<string, string> = {};
    if (next.closed_on !== null && next.closed_on < next.opened_on) {
      details[input.closedOn !== undefined ? 'closedOn' : 'openedOn'] =
        `Must not be before the opening date (${next.opened_on})`;
    }
    if (next.release_date !== null && next.release_date < next.opened_on) {
      details[input.releaseDate !== undefined ? 'releaseDate' : 'openedOn'] =
        `Must not be before the opening date (${next.opened_on})`;
    }
    if (Object.keys(details).length > 0) {
      return failWith('invalid', 'matter.dates_out_of_order', 'The dates are out of order', details);
    }

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, column] of Object.entries(FIELDS)) {
      const from = matter[column];
      const to = next[column];
      if (from !== to) changes[field] = { from, to };
    }
    const now = deps.clock.now();
    if (Object.keys(changes).length > 0) {
      await updateMatter(tx, id, next, now);
      await audit({ action: 'matter.updated', entityType: 'matter', entityId: id, details: changes });
    }
    // Only when this change grants or dates the release: a later edit of an old matter must not undo a
    // status someone set since (a person back in custody stays in custody).
    const isReleaseNews = changes.outcome !== undefined || changes.releaseDate !== undefined;
    if (
      isReleaseNews &&
      next.outcome === 'granted' &&
      next.release_date !== null &&
      next.release_date <= todayOf(now)
    ) {
      const released = await markPersonReleased(tx, matter.person_id, now);
      if (released) {
        await audit({
          action: 'person.released',
          entityType: 'person',
          entityId: matter.person_id,
          details: { status: { from: released.from, to: 'released' }, matterId: id, releaseDate: next.release_date },
        });
      }
    }
    const updated = await findVisibleMatter(tx, viewer, id);
    if (!updated) throw new Error('the matter disappeared during its update');
    return matterDetailOf(tx, viewer.actor, updated, membership);
  });
