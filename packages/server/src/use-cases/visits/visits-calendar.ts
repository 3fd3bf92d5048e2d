import type { CalendarFeedQuery } from '@redress/core';
import { listVisitors, listVisits } from '@redress/db';
import ical, { ICalEventStatus } from 'ical-generator';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { loadPersonAccess, viewerOf } from '../people/person-access.js';

/** How far back the feed reaches: calendar apps re-read the whole feed on every refresh. */
const FEED_DAYS_BACK = 180;
const FEED_LIMIT = 2000;

/**
 * The visits the caller may see, scheduled or held, as an iCalendar feed a calendar app subscribes to
 * (with an API token as the bearer). Each event names the person, the facility and the visitors; the
 * purpose and the notes stay in Redress (a calendar is synced to places privilege does not reach).
 */
export const visitsCalendar = async (deps: AppDeps, ctx: RequestContext, query: CalendarFeedQuery): Promise<string> => {
  const db = deps.database.db;
  if (query.personId) await loadPersonAccess(db, ctx, query.personId);
  const from = new Date(deps.clock.now().getTime() - FEED_DAYS_BACK * 86_400_000).toISOString().slice(0, 10);
  const visits = await listVisits(db, viewerOf(ctx), {
    personId: query.personId,
    statuses: ['scheduled', 'held'],
    from,
    limit: FEED_LIMIT,
  });
  const visitors = await listVisitors(
    db,
    visits.map((v) => v.id),
  );
  const calendar = ical({ name: 'Redress: legal visits', prodId: { company: 'Redress', product: 'visits' } });
  for (const v of visits) {
    const start = v.held_start ?? v.scheduled_start;
    const end = v.held_end ?? v.scheduled_end;
    if (!start) continue;
    const who = visitors.filter((x) => x.visit_id === v.id).map((x) => x.user_name);
    calendar.createEvent({
      id: `${v.id}@redress`,
      start,
      end: end ?? new Date(start.getTime() + 2 * 3_600_000),
      stamp: v.updated_at,
      summary: `Legal visit: ${v.person_name}${v.facility_name ? ` (${v.facility_name})` : ''}`,
      location: v.facility_name,
      description: `${v.status === 'held' ? 'Held' : 'Scheduled'}. Visitors: ${who.join(', ') || 'none named'}.`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
};
