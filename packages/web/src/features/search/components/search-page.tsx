import { Group, List, Stack, Text, Title } from '@mantine/core';
import { SEARCH_QUERY_MIN, SEARCH_TYPES, type SearchGroup, type SearchHit, type SearchType } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { useSearch } from '../api/search';
import { SEARCH_TYPE_LABELS } from '../search-params';
import { SearchHitLink } from './search-hit-link';

const routeApi = getRouteApi('/signed-in/search');

const MATCH_LABELS: Record<SearchHit['matchedOn'], string> = {
  name: 'name',
  alias: 'alias',
  identifier: 'identifier',
  title: 'title',
  person_name: 'person’s name',
  organisation: 'organisation',
  text: 'text',
  reference: 'reference',
};

export function SearchPage() {
  const { q = '', type } = routeApi.useSearch();
  usePageTitle(q ? `Search: ${q}` : 'Search');
  const results = useSearch(q, type);
  const isTooShort = q.trim().length < SEARCH_QUERY_MIN;

  return (
    <Stack gap="lg">
      <Title order={1}>{q ? `Search results for “${q}”` : 'Search'}</Title>
      {isTooShort && (
        <Text>
          Type at least {SEARCH_QUERY_MIN} characters in the Search box at the top of the page (press / to get there).
        </Text>
      )}
      {!isTooShort && (
        <Group component="nav" aria-label="Result types" gap="md">
          <AnchorLink to="/search" search={{ q }} aria-current={type ? undefined : 'page'} fw={type ? 400 : 700}>
            All types
          </AnchorLink>
          {SEARCH_TYPES.map((t) => (
            <AnchorLink
              key={t}
              to="/search"
              search={{ q, type: t }}
              aria-current={type === t ? 'page' : undefined}
              fw={type === t ? 700 : 400}
            >
              {SEARCH_TYPE_LABELS[t]}
            </AnchorLink>
          ))}
        </Group>
      )}
      {!isTooShort && results.isPending && <PageLoader label="Searching" />}
      {results.isError && (
        <QueryError error={results.error} what="search results" onRetry={() => void results.refetch()} />
      )}
      {results.isSuccess && !isTooShort && (
        <>
          <Text role="status" size="sm">
            {describeCounts(results.data.groups)}
          </Text>
          {results.data.groups.map((group) => (
            <ResultGroup key={group.type} group={group} q={q} isOnlyType={Boolean(type)} />
          ))}
        </>
      )}
    </Stack>
  );
}

const describeCounts = (groups: readonly SearchGroup[]): string => {
  const total = groups.reduce((n, group) => n + group.items.length, 0);
  if (total === 0) return 'Nothing found.';
  return groups
    .filter((group) => group.items.length > 0)
    .map((group) => `${group.items.length}${group.hasMore ? '+' : ''} ${SEARCH_TYPE_LABELS[group.type].toLowerCase()}`)
    .join(', ')
    .concat(' found.');
};

function ResultGroup({ group, q, isOnlyType }: { group: SearchGroup; q: string; isOnlyType: boolean }) {
  const headingId = `search-group-${group.type}`;
  const label = SEARCH_TYPE_LABELS[group.type];
  return (
    <Stack component="section" gap="xs" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {label}
      </Title>
      {group.items.length === 0 ? (
        <Text size="sm">No {label.toLowerCase()} found.</Text>
      ) : (
        <List spacing="sm" listStyleType="none" styles={{ root: { paddingLeft: 0 } }} aria-labelledby={headingId}>
          {group.items.map((hit) => (
            <List.Item key={hit.id} data-testid="search-hit">
              <SearchHitLink type={group.type} hit={hit}>
                {group.type === 'notes' && hit.highlights ? <Highlighted hit={hit} /> : hit.label}
              </SearchHitLink>
              {group.type === 'documents' && hit.highlights && hit.highlights.length > 0 && (
                <Text size="sm">
                  <Highlighted hit={hit} />
                </Text>
              )}
              <Text size="sm">
                {hit.subLabel ? `${hit.subLabel} · ` : ''}matched on {MATCH_LABELS[hit.matchedOn]}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {group.hasMore && !isOnlyType && (
        <AnchorLink to="/search" search={{ q, type: group.type as SearchType }} size="sm">
          More {label.toLowerCase()} for “{q}”
        </AnchorLink>
      )}
    </Stack>
  );
}

/** A note's or document's passage: plain text segments, the matched words in <mark>; never HTML. */
function Highlighted({ hit }: { hit: SearchHit }) {
  return (
    <>
      {(hit.highlights ?? []).map((segment, index) =>
        segment.isMatch ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one static passage
          <mark key={index}>{segment.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one static passage
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
