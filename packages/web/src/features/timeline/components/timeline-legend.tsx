import { Group, Text } from '@mantine/core';
import { MARK_STYLES, type MarkKind, VISIT_STYLES, type VisitMarkStatus } from '../mark-styles';
import { MarkGlyph } from './mark-glyph';

/** The key to the marks drawn on this timeline (only the kinds it shows). */
export function TimelineLegend({
  kinds,
  visitStatuses = [],
}: {
  kinds: readonly MarkKind[];
  visitStatuses?: readonly VisitMarkStatus[];
}) {
  if (kinds.length === 0 && visitStatuses.length === 0) return null;
  const order = Object.keys(MARK_STYLES) as MarkKind[];
  const shown = order.filter((kind) => kinds.includes(kind));
  return (
    <Group component="ul" gap="md" aria-label="Timeline key" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {shown.map((kind) => {
        const style = MARK_STYLES[kind];
        return (
          <Group component="li" key={kind} gap={6} wrap="nowrap">
            <svg width={16} height={16} aria-hidden="true" focusable="false">
              <MarkGlyph shape={style.shape} color={style.color} x={8} y={8} size={10} />
            </svg>
            <Text size="sm" component="span">
              {style.legend}
            </Text>
          </Group>
        );
      })}
      {(['held', 'scheduled'] as const)
        .filter((status) => visitStatuses.includes(status))
        .map((status) => {
          const style = VISIT_STYLES[status];
          return (
            <Group component="li" key={`visit-${status}`} gap={6} wrap="nowrap">
              <svg width={16} height={16} aria-hidden="true" focusable="false">
                <MarkGlyph shape={style.shape} color={style.color} x={8} y={8} size={10} />
              </svg>
              <Text size="sm" component="span">
                {style.legend}
              </Text>
            </Group>
          );
        })}
      <Group component="li" gap={6} wrap="nowrap">
        <svg width={22} height={16} aria-hidden="true" focusable="false">
          <rect x={1} y={3} width={20} height={10} fill="#d0ebff" stroke="#1864ab" />
        </svg>
        <Text size="sm" component="span">
          Custody placement (dashed while still there)
        </Text>
      </Group>
    </Group>
  );
}
