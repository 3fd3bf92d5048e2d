import { Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MATTER_TYPE_LABELS, type PersonView, type Role } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { CorrespondenceSection } from '../../correspondence/components/correspondence-section';
import { OUTCOME_LABELS } from '../../matters/labels';
import { AnchorLink } from '../../people/anchor-link';
import { DocumentsSection } from '../../person-documents/components/documents-section';
import { ReliefScreeningPanel } from '../../screening/components/relief-screening-panel';
import { useSession } from '../../session/session-context';
import { usePersonTimeline } from '../../timeline/api/get-person-timeline';
import { PersonTimeline } from '../../timeline/components/person-timeline';
import { VisitsSection } from '../../visits/components/visits-section';
import { usePerson } from '../api/get-person';
import { usePersonActivity } from '../api/list-person-activity';
import { ActivityFeed } from './activity-feed';
import { AddConvictionForm } from './add-conviction-form';
import { AddPlacementForm } from './add-placement-form';
import { ContactsSection } from './contacts-section';
import { ConvictionCard } from './conviction-card';
import { OpenMatterForm } from './open-matter-form';
import { PersonHeader } from './person-header';
import { PlacementsTable } from './placements-table';
import { ReleaseMailHoldForm } from './release-mail-hold-form';

const routeApi = getRouteApi('/signed-in/people/$personId');

/** Mirrors the server's matter.create grant (the server decides). */
const MATTER_OPENERS: ReadonlySet<Role> = new Set(['administrator', 'attorney', 'advocate', 'paralegal']);

type Dialog = 'placement' | 'conviction' | 'matter' | 'mail-hold' | null;

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack component="section" gap="sm" aria-labelledby={id}>
      <Group justify="space-between" align="center">
        <Title order={2} id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}

export function PersonPage() {
  const { personId } = routeApi.useParams();
  const person = usePerson(personId);
  usePageTitle(person.data?.legalName ?? 'Person');

  if (person.isPending) return <PageLoader label="Loading the person" />;
  if (person.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Person</Title>
        <QueryError error={person.error} what="this person" onRetry={() => void person.refetch()} />
      </Stack>
    );
  }
  return <PersonRecord person={person.data} />;
}

function PersonRecord({ person }: { person: PersonView }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const timeline = usePersonTimeline(person.id);
  const activity = usePersonActivity(person.id);
  const close = () => setDialog(null);
  const done = (message: string) => {
    close();
    notifications.show({ message });
  };
  const { canWrite } = person.viewer;
  const { user } = useSession();
  const canOpenMatter = MATTER_OPENERS.has(user.role);

  return (
    <Stack gap="xl">
      <PersonHeader person={person} onReleaseMailHold={() => setDialog('mail-hold')} />

      <Section id="timeline-heading" title="Custody and sentence timeline">
        {person.convictions.some((c) => c.currentSentence) && (
          <List spacing={4} aria-label="Current sentences">
            {person.convictions
              .filter((c) => c.currentSentence)
              .map((c) => (
                <List.Item key={c.id}>
                  <Text span fw={700}>
                    Current sentence
                    {person.convictions.length > 1 ? ` (${c.caseNumber ?? c.court ?? 'conviction'})` : ''}:
                  </Text>{' '}
                  <span data-testid="current-sentence-summary">{c.currentSentence?.label}</span>
                </List.Item>
              ))}
          </List>
        )}
        {timeline.isPending && <PageLoader label="Loading the timeline" />}
        {timeline.isError && (
          <QueryError error={timeline.error} what="the timeline" onRetry={() => void timeline.refetch()} />
        )}
        {timeline.isSuccess && <PersonTimeline personName={person.legalName} timeline={timeline.data} />}
      </Section>

      <Section
        id="convictions-heading"
        title="Convictions and sentences"
        actions={
          canWrite && (
            <Button variant="default" onClick={() => setDialog('conviction')}>
              Add conviction
            </Button>
          )
        }
      >
        {person.convictions.length === 0 ? (
          <Text>No convictions recorded.</Text>
        ) : (
          person.convictions.map((conviction) => (
            <ConvictionCard key={conviction.id} conviction={conviction} person={person} />
          ))
        )}
      </Section>

      <Section
        id="placements-heading"
        title="Custody placements"
        actions={
          canWrite && (
            <Button variant="default" onClick={() => setDialog('placement')}>
              Add placement
            </Button>
          )
        }
      >
        {person.placements.length === 0 ? (
          <Text>No placements recorded.</Text>
        ) : (
          <PlacementsTable placements={person.placements} />
        )}
      </Section>

      <Section id="screening-heading" title="Relief screening">
        <ReliefScreeningPanel person={person} canOpenMatter={canOpenMatter} />
      </Section>

      <Section
        id="matters-heading"
        title="Matters"
        actions={
          canOpenMatter && (
            <Button variant="default" onClick={() => setDialog('matter')}>
              Open a new matter
            </Button>
          )
        }
      >
        {person.matters.length === 0 ? (
          <Text>No matters you can see.</Text>
        ) : (
          <List spacing={6} aria-label="Matters of this person">
            {person.matters.map((matter) => (
              <List.Item key={matter.id}>
                <AnchorLink to="/matters/$matterId" params={{ matterId: matter.id }}>
                  {matter.title}
                </AnchorLink>{' '}
                — {MATTER_TYPE_LABELS[matter.type]}, {matter.stage}{' '}
                <Badge variant="light" color={matter.outcome === 'denied' ? 'red' : 'blue'} size="sm">
                  {OUTCOME_LABELS[matter.outcome]}
                </Badge>
                {matter.closedOn ? ` (closed ${matter.closedOn})` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section id="documents-heading" title="Documents">
        <DocumentsSection
          personId={person.id}
          canWrite={person.viewer.canWrite}
          photoDocumentId={person.photoDocumentId}
        />
      </Section>

      <Section id="contacts-heading" title="Contacts">
        <ContactsSection personId={person.id} />
      </Section>

      <Section id="correspondence-heading" title="Correspondence">
        <CorrespondenceSection person={person} />
      </Section>

      <Section id="visits-heading" title="Visits">
        <VisitsSection person={person} />
      </Section>

      <Section id="activity-heading" title="Activity">
        {activity.isPending && <PageLoader label="Loading activity" />}
        {activity.isError && (
          <QueryError error={activity.error} what="the activity" onRetry={() => void activity.refetch()} />
        )}
        {activity.isSuccess && (
          <ActivityFeed
            label="Activity on this person"
            items={activity.data.pages.flatMap((page) => page.items)}
            hasMore={activity.hasNextPage}
            isLoadingMore={activity.isFetchingNextPage}
            onLoadMore={() => void activity.fetchNextPage()}
          />
        )}
      </Section>

      {dialog === 'placement' && (
        <AppDialog title="Add placement" onClose={close} size="lg">
          <AddPlacementForm personId={person.id} onDone={done} onCancel={close} />
        </AppDialog>
      )}
      {dialog === 'conviction' && (
        <AppDialog title="Add conviction" onClose={close} size="xl">
          <AddConvictionForm personId={person.id} onDone={() => done('Conviction added.')} onCancel={close} />
        </AppDialog>
      )}
      {dialog === 'matter' && (
        <AppDialog title="Open a new matter" onClose={close}>
          <OpenMatterForm personId={person.id} onCancel={close} />
        </AppDialog>
      )}
      {dialog === 'mail-hold' && (
        <AppDialog title="Release mail hold" onClose={close}>
          <ReleaseMailHoldForm personId={person.id} onDone={() => done('Mail hold released.')} onCancel={close} />
        </AppDialog>
      )}
    </Stack>
  );
}
