import { Button, List, Stack, Text } from '@mantine/core';
import { DateTime } from '../../../components/date-time';

export type ActivityItem = {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  details: Readonly<Record<string, unknown>>;
};

/** "sentence_event.added" -> "Sentence event added". */
export const describeAction = (action: string): string => {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A short, safe summary of what changed: field names only (the audit trail never holds note text). */
const changedFields = (details: Readonly<Record<string, unknown>>): string => {
  const changed = details.changed ?? details.fields;
  if (Array.isArray(changed) && changed.every((field) => typeof field === 'string')) return changed.join(', ');
  const stage = details.toStage ?? details.to;
  if (typeof stage === 'string') return `to ${stage}`;
  return '';
};

type ActivityFeedProps = {
  items: readonly ActivityItem[];
  label: string;
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
};

export function ActivityFeed({ items, label, hasMore, isLoadingMore, onLoadMore }: ActivityFeedProps) {
  if (items.length === 0) return <Text>Nothing has happened yet.</Text>;
  return (
    <Stack gap="sm" align="flex-start">
      <List spacing={6} aria-label={label} listStyleType="none" styles={{ root: { paddingLeft: 0 } }}>
        {items.map((item) => {
          const changed = changedFields(item.details);
          return (
            <List.Item key={item.seq}>
              <Text size="sm" span>
                <DateTime value={item.at} /> — {item.actorLabel}: {describeAction(item.action)}
                {changed ? ` (${changed})` : ''}
              </Text>
            </List.Item>
          );
        })}
      </List>
      {hasMore && (
        <Button variant="outline" size="xs" onClick={onLoadMore} loading={isLoadingMore}>
          Show older activity
        </Button>
      )}
    </Stack>
  );
}
