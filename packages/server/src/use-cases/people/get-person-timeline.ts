import { buildPersonTimeline, type PersonTimelineView } from '@redress/core';
import { listConvictions, listPlacements, listSentenceEvents } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { loadPersonAccess } from './person-access.js';
import { todayOf } from './person-dates.js';
import { presentCurrentSentence, toSentenceEvent } from './person-presenters.js';

/** The custody and sentence timeline, ready to draw; it holds no restricted fields. */
export const getPersonTimeline = async (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
): Promise<PersonTimelineView> => {
  const db = deps.database.db;
  const { person } = await loadPersonAccess(db, ctx, personId);
  const placements = await listPlacements(db, person.id);
  const convictions = await listConvictions(db, person.id);
  const events = await listSentenceEvents(
    db,
    convictions.map((c) => c.id),
  );
  const timeline = buildPersonTimeline({
    today: todayOf(deps),
    placements: placements.map((p) => ({
      id: p.id,
      facilityName: p.facility_name,
      housing: p.housing,
      fromDate: p.from_date,
      toDate: p.to_date,
    })),
    convictions: convictions.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      court: c.court,
      convictionDate: c.conviction_date,
      events: events.filter((e) => e.conviction_id === c.id).map((e) => ({ ...toSentenceEvent(e), note: e.note })),
    })),
  });
  return {
    ...timeline,
    tracks: timeline.tracks.map((t) => ({ ...t, currentSentence: presentCurrentSentence(t.currentSentence) })),
  };
};
