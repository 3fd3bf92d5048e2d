import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PersonView, VisitBody } from '@redress/core';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { describeError } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { AnchorLink } from '../../people/anchor-link';
import { usePersonVisits, visitsCalendarUrl } from '../api/list-visits';
import { useRequestVisitLetter } from '../api/request-visit-letter';
import { useUpdateVisit } from '../api/update-visit';
import { ChangeVisitForm, type VisitChangeKind } from './change-visit-form';
import { RecordVisitForm } from './record-visit-form';
import { RequestVisitForm } from './request-visit-form';
import { VisitCard } from './visit-card';

type Dialog =
  | { kind: 'request' }
  | { kind: 'change'; change: VisitChangeKind; visit: VisitBody }
  | { kind: 'record'; visit: VisitBody }
  | null;

const CHANGE_TITLES: Record<VisitChangeKind, string> = {
  schedule: 'Schedule the visit',
  deny: 'Visit denied',
  cancel: 'Cancel the visit',
};

/** Legal visits to this person: requests, the facility's answers, the time, and the record once held. */
export function VisitsSection({ person }: { person: PersonView }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const visits = usePersonVisits(person.id);
  const update = useUpdateVisit(person.id);
  const letter = useRequestVisitLetter(person.id);
  const { canWrite } = person.viewer;
  const close = () => setDialog(null);
  const items = visits.data?.pages.flatMap((page) => page.items) ?? [];
  const calendarUrl = visitsCalendarUrl(person.id);

  const setStatus = (visit: VisitBody, status: 'approved' | 'requested', message: string) =>
    update.mutate({ id: visit.id, input: { status } }, { onSuccess: () => notifications.show({ message }) });

  return (
    <Stack gap="md" data-testid="visits-section">
      {canWrite && (
        <Group>
          <Button variant="default" onClick={() => setDialog({ kind: 'request' })}>
            Request a visit
          </Button>
        </Group>
      )}
      {update.isError && (
        <Alert color="red" title="Could not change the visit" role="alert">
          <Text size="sm">{describeError(update.error)}</Text>
        </Alert>
      )}
      {visits.isPending && <PageLoader label="Loading the visits" />}
      {visits.isError && <QueryError error={visits.error} what="the visits" onRetry={() => void visits.refetch()} />}
      {visits.isSuccess &&
        (items.length === 0 ? (
          <Text>No visits requested yet.</Text>
        ) : (
          <Stack gap="sm">
            {items.map((visit) => (
              <VisitCard
                key={visit.id}
                visit={visit}
                canWrite={canWrite}
                isBusy={update.isPending && update.variables?.id === visit.id}
                isWritingLetter={letter.isPending && letter.variables?.id === visit.id}
                letterError={letter.variables?.id === visit.id ? letter.error : null}
                onApprove={() => setStatus(visit, 'approved', 'Visit approved.')}
                onRequestAgain={() => setStatus(visit, 'requested', 'Visit requested again.')}
                onChange={(change) => setDialog({ kind: 'change', change, visit })}
                onRecord={() => setDialog({ kind: 'record', visit })}
                onRequestLetter={() =>
                  letter.mutate(
                    { id: visit.id, input: { language: 'en', fields: {} } },
                    {
                      onSuccess: () =>
                        notifications.show({
                          message: 'The request letter is written and waits on Outgoing mail to be printed.',
                        }),
                    },
                  )
                }
              />
            ))}
          </Stack>
        ))}
      {visits.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => void visits.fetchNextPage()}
          loading={visits.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          Load older visits
        </Button>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Calendar subscription
        </Text>
        <Code block data-testid="visits-calendar-url" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {calendarUrl}
        </Code>
        <Text size="xs">
          A calendar app cannot sign in: it needs an API token, sent as <Code>Authorization: Bearer rdr_…</Code>. Create
          one on <AnchorLink to="/account/security">Security</AnchorLink>. The feed shows scheduled and held visits with
          the facility and visitors; purposes and notes stay in Redress.
        </Text>
      </Stack>

      {dialog?.kind === 'request' && (
        <AppDialog title="Request a visit" onClose={close} size="xl">
          <RequestVisitForm
            person={person}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ message: 'Visit requested.' });
            }}
          />
        </AppDialog>
      )}
      {dialog?.kind === 'change' && (
        <AppDialog title={CHANGE_TITLES[dialog.change]} onClose={close}>
          <ChangeVisitForm
            visit={dialog.visit}
            kind={dialog.change}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ message: 'Visit updated.' });
            }}
          />
        </AppDialog>
      )}
      {dialog?.kind === 'record' && (
        <AppDialog title="Record the visit" onClose={close} size="lg">
          <RecordVisitForm
            visit={dialog.visit}
            onCancel={close}
            onDone={(taskCount) => {
              close();
              notifications.show({
                message: `Visit recorded as held${taskCount > 0 ? ` with ${taskCount} follow-up ${taskCount === 1 ? 'task' : 'tasks'}` : ''}.`,
              });
            }}
          />
        </AppDialog>
      )}
    </Stack>
  );
}
