import { Box, Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { PersonTimelineView } from '@redress/core';
import { useId, useState } from 'react';
import { MARK_STYLES, shortMarkLabel, VISIT_STYLES } from '../mark-styles';
import { assignLanes, textWidth, timeScale, truncate } from '../timeline-scale';
import { MarkGlyph } from './mark-glyph';
import { TimelineLegend } from './timeline-legend';
import { TimelineTable } from './timeline-table';

type Timeline = PersonTimelineView;

const WIDTH = 1000;
const LEFT = 170;
const RIGHT = WIDTH - 24;
const AXIS_Y = 22;
const BAND_TOP = 40;
const BAND_HEIGHT = 40;
const TRACK_GAP = 26;
const LANE_HEIGHT = 17;
const LABEL_FONT = 12;
const BAND_FILLS = ['#d0ebff', '#e7f5ff'] as const;
const INK = '#1b2a3a';

const placementSummary = (timeline: Timeline): string => {
  const { bands } = timeline;
  if (bands.length === 0) return 'No custody placements are recorded.';
  const first = bands[0];
  const open = bands.find((band) => band.isOpen);
  const count = `${bands.length} custody ${bands.length === 1 ? 'placement' : 'placements'}`;
  const since = first ? ` since ${first.from}` : '';
  return `${count}${since}${open ? `; now at ${open.label} since ${open.from}` : '; none open now'}.`;
};

const trackSummary = (track: Timeline['tracks'][number]): string => {
  const events = track.marks.filter((mark) => mark.kind !== 'convicted').length;
  const sentence = track.currentSentence ? `current sentence: ${track.currentSentence.label}` : 'no sentence recorded';
  return `Conviction ${track.label}: ${events} sentence ${events === 1 ? 'event' : 'events'}, ${sentence}.`;
};

const visitSummary = (timeline: Timeline): string[] => {
  const held = timeline.visits.filter((visit) => visit.status === 'held').length;
  const scheduled = timeline.visits.length - held;
  if (timeline.visits.length === 0) return [];
  const parts = [held ? `${held} held` : '', scheduled ? `${scheduled} scheduled` : ''].filter(Boolean);
  return [`Legal visits: ${parts.join(', ')}.`];
};

/** The words the picture is summarised by, for assistive technology (and anyone reading the page). */
export const describeTimeline = (timeline: Timeline): string =>
  [placementSummary(timeline), ...timeline.tracks.map(trackSummary), ...visitSummary(timeline)].join(' ');

type PersonTimelineProps = { personName: string; timeline: Timeline };

/**
 * The custody and sentence timeline as a picture: placements as bands along the years, one track per
 * conviction with its sentence events as marks. The same facts are in the table below it.
 */
export function PersonTimeline({ personName, timeline }: PersonTimelineProps) {
  const id = useId();
  const [isTableShown, setIsTableShown] = useState(false);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  if (!timeline.range) {
    return <Text>Nothing is dated yet: add a custody placement or a conviction to draw the timeline.</Text>;
  }
  const scale = timeScale(timeline.range, LEFT, RIGHT, 12);

  // Lay out each track: its marks, and lanes of labels under the line so that none overlap.
  let y = BAND_TOP + BAND_HEIGHT + TRACK_GAP;
  const tracks = timeline.tracks.map((track) => {
    const labels = track.marks.map((mark) => {
      const text = truncate(shortMarkLabel(mark.kind, mark.label), 34);
      return { text, x: scale.x(mark.date), width: textWidth(text, LABEL_FONT) };
    });
    const slots = assignLanes(labels, RIGHT);
    const lanes = Math.max(1, ...slots.map((slot) => slot.lane + 1));
    const lineY = y + 10;
    const height = 22 + lanes * LANE_HEIGHT;
    const laid = { track, labels, slots, lineY, top: y, height };
    y += height + TRACK_GAP;
    return laid;
  });
  // Legal visits on a track of their own, under the convictions.
  const visitTrack = (() => {
    if (timeline.visits.length === 0) return null;
    const labels = timeline.visits.map((visit) => {
      const text = truncate(visit.label.replace(/^Legal visit /, 'Visit '), 34);
      return { text, x: scale.x(visit.date), width: textWidth(text, LABEL_FONT) };
    });
    const slots = assignLanes(labels, RIGHT);
    const lanes = Math.max(1, ...slots.map((slot) => slot.lane + 1));
    const laid = { labels, slots, lineY: y + 10 };
    y += 22 + lanes * LANE_HEIGHT + TRACK_GAP;
    return laid;
  })();
  const height = Math.max(y, BAND_TOP + BAND_HEIGHT + 30);
  const todayX = scale.x(timeline.today);

  return (
    <Stack gap="sm">
      <Box style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          style={{ minWidth: 640, display: 'block', fontFamily: 'inherit' }}
          data-testid="person-timeline"
        >
          <title id={titleId}>Custody and sentence timeline of {personName}</title>
          <desc id={descId}>{describeTimeline(timeline)}</desc>

          {/* Years */}
          {scale.ticks.map((tick) => (
            <g key={tick.year}>
              <line x1={tick.x} x2={tick.x} y1={AXIS_Y + 6} y2={height - 6} stroke="#ced4da" strokeWidth={1} />
              <text x={tick.x} y={AXIS_Y} textAnchor="middle" fontSize={12} fill={INK}>
                {tick.year}
              </text>
            </g>
          ))}

          {/* Custody placements */}
          <text x={8} y={BAND_TOP + BAND_HEIGHT / 2 + 4} fontSize={13} fontWeight={700} fill={INK}>
            Custody
          </text>
          {timeline.bands.length === 0 && (
            <text x={LEFT} y={BAND_TOP + BAND_HEIGHT / 2 + 4} fontSize={12} fill={INK}>
              No placements recorded
            </text>
          )}
          {timeline.bands.map((band, index) => {
            const x1 = scale.x(band.from);
            const x2 = Math.max(scale.x(band.to), x1 + 2);
            const width = x2 - x1;
            const facility = truncate(band.facilityName, Math.floor((width - 8) / (LABEL_FONT * 0.56)));
            const housing = band.housing ? truncate(band.housing, Math.floor((width - 8) / (11 * 0.56))) : '';
            return (
              <g key={band.id}>
                <title>
                  {band.label}: {band.from} to {band.isOpen ? `today (${band.to}, still there)` : band.to}
                </title>
                <rect
                  x={x1}
                  y={BAND_TOP}
                  width={width}
                  height={BAND_HEIGHT}
                  fill={BAND_FILLS[index % 2]}
                  stroke="#1864ab"
                  strokeWidth={1}
                  strokeDasharray={band.isOpen ? '4 3' : undefined}
                />
                {width > 30 && (
                  <text x={x1 + 4} y={BAND_TOP + 16} fontSize={LABEL_FONT} fontWeight={600} fill={INK}>
                    {facility}
                  </text>
                )}
                {width > 30 && housing && (
                  <text x={x1 + 4} y={BAND_TOP + 32} fontSize={11} fill={INK}>
                    {housing}
                  </text>
                )}
              </g>
            );
          })}

          {/* Convictions and their sentence events */}
          {tracks.map(({ track, labels, slots, lineY }) => (
            <g key={track.convictionId}>
              <text x={8} y={lineY + 4} fontSize={12} fontWeight={700} fill={INK}>
                <title>{track.label}</title>
                {truncate(track.label, 24)}
              </text>
              <line x1={LEFT} x2={RIGHT} y1={lineY} y2={lineY} stroke="#868e96" strokeWidth={1.5} />
              {track.marks.map((mark, index) => {
                const style = MARK_STYLES[mark.kind];
                const slot = slots[index];
                const label = labels[index];
                if (!slot || !label) return null;
                const labelY = lineY + 22 + slot.lane * LANE_HEIGHT;
                const tooltip = [
                  `${mark.date}: ${mark.label}`,
                  mark.byline ? `by ${mark.byline}` : '',
                  mark.note ? `Note: ${mark.note}` : '',
                  mark.issue ? `Not counted: ${mark.issue}` : '',
                ]
                  .filter(Boolean)
                  .join('\n');
                return (
                  <g key={mark.id} data-kind={mark.kind}>
                    <title>{tooltip}</title>
                    <line x1={slot.x} x2={slot.x} y1={lineY + 7} y2={labelY - 11} stroke="#adb5bd" strokeWidth={1} />
                    {mark.issue && (
                      <circle cx={slot.x} cy={lineY} r={11} fill="none" stroke="#c92a2a" strokeDasharray="3 2" />
                    )}
                    <MarkGlyph shape={style.shape} color={style.color} x={slot.x} y={lineY} />
                    <text
                      x={slot.anchor === 'start' ? slot.x - 2 : slot.x + 2}
                      y={labelY}
                      textAnchor={slot.anchor}
                      fontSize={LABEL_FONT}
                      fill={INK}
                      fontStyle={mark.issue ? 'italic' : undefined}
                    >
                      {label.text}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}

          {/* Legal visits */}
          {visitTrack && (
            <g data-testid="timeline-visits">
              <text x={8} y={visitTrack.lineY + 4} fontSize={12} fontWeight={700} fill={INK}>
                Legal visits
              </text>
              <line
                x1={LEFT}
                x2={RIGHT}
                y1={visitTrack.lineY}
                y2={visitTrack.lineY}
                stroke="#868e96"
                strokeWidth={1.5}
                strokeDasharray="2 3"
              />
              {timeline.visits.map((visit, index) => {
                const style = VISIT_STYLES[visit.status];
                const slot = visitTrack.slots[index];
                const label = visitTrack.labels[index];
                if (!slot || !label) return null;
                const labelY = visitTrack.lineY + 22 + slot.lane * LANE_HEIGHT;
                return (
                  <g key={visit.id} data-visit-status={visit.status}>
                    <title>{`${visit.date}: ${visit.label}`}</title>
                    <line
                      x1={slot.x}
                      x2={slot.x}
                      y1={visitTrack.lineY + 7}
                      y2={labelY - 11}
                      stroke="#adb5bd"
                      strokeWidth={1}
                    />
                    <MarkGlyph shape={style.shape} color={style.color} x={slot.x} y={visitTrack.lineY} />
                    <text
                      x={slot.anchor === 'start' ? slot.x - 2 : slot.x + 2}
                      y={labelY}
                      textAnchor={slot.anchor}
                      fontSize={LABEL_FONT}
                      fill={INK}
                    >
                      {label.text}
                    </text>
                  </g>
                );
              })}
            </g>
          )}

          {/* Today */}
          <line x1={todayX} x2={todayX} y1={AXIS_Y + 6} y2={height - 6} stroke="#c92a2a" strokeDasharray="5 4" />
          <text x={todayX - 4} y={height - 8} textAnchor="end" fontSize={11} fill="#a51d1d">
            Today
          </text>
        </svg>
      </Box>
      <TimelineLegend
        kinds={[...new Set(timeline.tracks.flatMap((track) => track.marks.map((mark) => mark.kind)))]}
        visitStatuses={[...new Set(timeline.visits.map((visit) => visit.status))]}
      />
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setIsTableShown(!isTableShown)}
        style={{ alignSelf: 'flex-start' }}
      >
        {isTableShown ? 'Hide the timeline table' : 'Show the timeline as a table'}
      </Button>
      {isTableShown ? (
        <TimelineTable timeline={timeline} />
      ) : (
        <VisuallyHidden>
          <TimelineTable timeline={timeline} />
        </VisuallyHidden>
      )}
    </Stack>
  );
}
