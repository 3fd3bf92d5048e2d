import { Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MATTER_TYPE_LABELS, type MatterDetail } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { OUTCOME_LABELS } from '../../matters/labels';
import { AnchorLink } from '../../people/anchor-link';
import { ActivityFeed } from '../../person/components/activity-feed';
import { useMatter } from '../api/get-matter';
import { useMatterActivity } from '../api/list-matter-activity';
import { useMatterContacts } from '../api/list-matter-contacts';
import { EditMatterForm } from './edit-matter-form';
import { NotesSection } from './notes-section';
import { PartiesSection } from './parties-section';
import { StageSection } from './stage-section';
import { TasksSection } from './tasks-section';
import { TeamSection } from './team-section';

const routeApi = getRouteApi('/signed-in/matters/$matterId');

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="sm" aria-labelledby={id}>
      <Title order={2} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function MatterPage() {
  const { matterId } = routeApi.useParams();
  const matter = useMatter(matterId);
  usePageTitle(matter.data?.title ?? 'Matter');

  if (matter.isPending) return <PageLoader label="Loading the matter" />;
  if (matter.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Matter</Title>
        <QueryError error={matter.error} what="this matter" onRetry={() => void matter.refetch()} />
      </Stack>
    );
  }
  return <MatterRecord matter={matter.data} />;
}

function MatterRecord({ matter }: { matter: MatterDetail }) {
  const [isEditing, setIsEditing] = useState(false);
  const activity = useMatterActivity(matter.id);
  const contacts = useMatterContacts(matter.id);
  const facts: [string, ReactNode][] = [
    [
      'Person',
      <AnchorLink key="person" to="/people/$personId" params={{ personId: matter.personId }}>
        {matter.personName}
      </AnchorLink>,
    ],
    ['Type', MATTER_TYPE_LABELS[matter.type]],
    ['Stage', matter.stage],
    ['Outcome', OUTCOME_LABELS[matter.outcome]],
    ['Decision-maker', matter.decisionMaker ?? 'Not set'],
    ['Opened', matter.openedOn],
    ['Closed', matter.closedOn ?? 'Open'],
    ['Release date', matter.releaseDate ?? '—'],
    ['Open tasks', String(matter.openTasks)],
  ];

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={1}>{matter.title}</Title>
          <Badge variant="light" color={matter.outcome === 'denied' ? 'red' : 'blue'} size="lg">
            {OUTCOME_LABELS[matter.outcome]}
          </Badge>
        </Group>
        <dl
          aria-label="Matter details"
          style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}
        >
          {facts.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{term}</dt>
              <dd style={{ margin: 0 }} data-testid={`matter-${term.toLowerCase().replace(/\W+/g, '-')}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {matter.viewer.canWrite && (
          <Group>
            <Button variant="default" onClick={() => setIsEditing(true)}>
              Edit matter
            </Button>
          </Group>
        )}
      </Stack>

      <Section id="stage-heading" title="Stage">
        <StageSection key={matter.stage} matter={matter} />
      </Section>
      <Section id="team-heading" title="Team">
        <TeamSection matter={matter} />
      </Section>
      <Section id="tasks-heading" title="Tasks">
        <TasksSection matter={matter} />
      </Section>
      <Section id="notes-heading" title="Notes">
        <NotesSection matter={matter} />
      </Section>
      <Section id="parties-heading" title="Parties">
        <PartiesSection matter={matter} />
      </Section>
      <Section id="contacts-heading" title="Contacts">
        {contacts.isSuccess &&
          (contacts.data.items.length === 0 ? (
            <Text>No contacts linked.</Text>
          ) : (
            <List spacing={4} aria-label="Contacts linked to this matter">
              {contacts.data.items.map((link) => (
                <List.Item key={link.linkId}>
                  {link.contact.name}
                  {link.contact.organisation ? `, ${link.contact.organisation}` : ''} — {link.relationship}
                </List.Item>
              ))}
            </List>
          ))}
        {contacts.isError && <QueryError error={contacts.error} what="the contacts" />}
      </Section>
      <Section id="activity-heading" title="Activity">
        {activity.isPending && <PageLoader label="Loading activity" />}
        {activity.isError && (
          <QueryError error={activity.error} what="the activity" onRetry={() => void activity.refetch()} />
        )}
        {activity.isSuccess && (
          <ActivityFeed
            label="Activity on this matter"
            items={activity.data.pages.flatMap((page) => page.items)}
            hasMore={activity.hasNextPage}
            isLoadingMore={activity.isFetchingNextPage}
            onLoadMore={() => void activity.fetchNextPage()}
          />
        )}
      </Section>

      {isEditing && (
        <AppDialog title="Edit matter" onClose={() => setIsEditing(false)} size="lg">
          <EditMatterForm
            matter={matter}
            onCancel={() => setIsEditing(false)}
            onDone={() => {
              setIsEditing(false);
              notifications.show({ message: 'Matter saved.' });
            }}
          />
        </AppDialog>
      )}
    </Stack>
  );
}
