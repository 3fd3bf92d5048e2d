import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CorrespondenceBody, PersonView } from '@redress/core';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { describeError } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { AnchorLink } from '../../people/anchor-link';
import { ReleaseMailHoldForm } from '../../person/components/release-mail-hold-form';
import { usePersonCorrespondence } from '../api/list-correspondence';
import { useUpdateCorrespondence } from '../api/update-correspondence';
import { AddScanForm } from './add-scan-form';
import { CorrespondenceTable } from './correspondence-table';
import { EnvelopePreview } from './envelope-preview';
import { LogLetterForm } from './log-letter-form';
import { MarkReturnedForm } from './mark-returned-form';
import { WriteLetterForm } from './write-letter-form';

type Dialog =
  | { kind: 'log' }
  | { kind: 'write' }
  | { kind: 'returned'; letter: CorrespondenceBody }
  | { kind: 'scan'; letter: CorrespondenceBody }
  | { kind: 'release' }
  | null;

/**
 * The person page's correspondence: every letter in and out, logging one, writing one from a template,
 * a letter the prison sent back (which puts the mail on hold), and the envelope the next one goes in.
 */
export function CorrespondenceSection({ person }: { person: PersonView }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = usePersonCorrespondence(person.id);
  const markSent = useUpdateCorrespondence();
  const { canWrite } = person.viewer;
  const close = () => setDialog(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" data-testid="correspondence-section">
      {canWrite && (
        <Group gap="sm">
          <Button variant="default" onClick={() => setDialog({ kind: 'log' })}>
            Log a letter
          </Button>
          <Button variant="default" onClick={() => setDialog({ kind: 'write' })}>
            Write a letter from a template
          </Button>
          <AnchorLink to="/mail" size="sm">
            Outgoing mail
          </AnchorLink>
        </Group>
      )}
      {person.mailHold && (
        <Alert color="red" title="Mail is on hold" data-testid="correspondence-mail-hold">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {person.mailHold.reason} (since {person.mailHold.since}). No letter goes out until the new address is
              confirmed.
            </Text>
            {canWrite && (
              <Anchor component="button" type="button" size="sm" onClick={() => setDialog({ kind: 'release' })}>
                Release the mail hold
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      {markSent.isError && (
        <Alert color="red" title="Could not mark the letter sent" role="alert">
          <Text size="sm">{describeError(markSent.error)}</Text>
        </Alert>
      )}
      {list.isPending && <PageLoader label="Loading the correspondence" />}
      {list.isError && <QueryError error={list.error} what="the correspondence" onRetry={() => void list.refetch()} />}
      {list.isSuccess &&
        (items.length === 0 ? (
          <Text>No letters logged yet.</Text>
        ) : (
          <CorrespondenceTable
            items={items}
            canWrite={canWrite}
            busyId={markSent.isPending ? (markSent.variables?.id ?? null) : null}
            onMarkSent={(letter) =>
              markSent.mutate(
                { id: letter.id, input: { state: 'sent' } },
                { onSuccess: () => notifications.show({ message: 'Letter marked sent.' }) },
              )
            }
            onMarkReturned={(letter) => setDialog({ kind: 'returned', letter })}
            onAddScan={(letter) => setDialog({ kind: 'scan', letter })}
          />
        ))}
      {list.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          Load older letters
        </Button>
      )}

      <Stack component="section" gap="xs" aria-labelledby="envelope-heading">
        <Title order={3} id="envelope-heading">
          Envelope
        </Title>
        <EnvelopePreview personId={person.id} />
      </Stack>

      {dialog?.kind === 'log' && (
        <AppDialog title="Log a letter" onClose={close} size="lg">
          <LogLetterForm
            personId={person.id}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ message: 'Letter logged.' });
            }}
          />
        </AppDialog>
      )}
      {dialog?.kind === 'write' && (
        <AppDialog title="Write a letter from a template" onClose={close} size="xl">
          <WriteLetterForm
            person={person}
            onCancel={close}
            onReleaseHold={() => setDialog({ kind: 'release' })}
            onDone={() => {
              close();
              notifications.show({ message: 'The letter is ready to print on Outgoing mail.' });
            }}
          />
        </AppDialog>
      )}
      {dialog?.kind === 'returned' && (
        <AppDialog title="Mark returned" onClose={close}>
          <MarkReturnedForm
            letter={dialog.letter}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ message: 'Letter marked returned. Mail to this person is on hold.' });
            }}
          />
        </AppDialog>
      )}
      {dialog?.kind === 'scan' && (
        <AppDialog title="Add a scan" onClose={close}>
          <AddScanForm
            letter={dialog.letter}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ message: 'Scan added.' });
            }}
          />
        </AppDialog>
      )}
      {dialog?.kind === 'release' && (
        <AppDialog title="Release mail hold" onClose={close}>
          <ReleaseMailHoldForm
            personId={person.id}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ message: 'Mail hold released.' });
            }}
          />
        </AppDialog>
      )}
    </Stack>
  );
}
