import { buildPersonTimeline, type PersonTimelineView } from '@redress/core';
import { listConvictions, listPlacements, listSentenceEvents, listVisits } from '@redress/db';
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
  // The person's scheduled and held visits (the viewer may see the person, so the visits too).
  const visits = await listVisits(db, null, { personId: person.id, statuses: ['scheduled', 'held'], limit: 500 });
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
    visits: visits.flatMap((v) => {
      const start = v.status === 'held' ? v.held_start : v.scheduled_start;
      const end = v.status === 'held' ? v.held_end : v.scheduled_end;
      if (!start || (v.status !== 'held' && v.status !== 'scheduled')) return [];
      return [
        {
          id: v.id,
          status: v.status,
          start: start.toISOString(),
          end: end?.toISOString() ?? null,
          facilityName: v.facility_name,
        },
      ];
    }),
  });
  return {
    ...timeline,
    tracks: timeline.tracks.map((t) => ({ ...t, currentSentence: presentCurrentSentence(t.currentSentence) })),
  };
};
