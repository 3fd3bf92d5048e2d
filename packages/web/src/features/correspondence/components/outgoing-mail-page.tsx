import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CHANNEL_LABELS, type CorrespondenceBody, isLetterTemplateKey, LETTER_TEMPLATE_TITLES } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { useBatchPrint } from '../api/batch-print';
import { correspondencePdfUrl, useCorrespondenceByState } from '../api/list-correspondence';
import { saveFile } from '../api/raw-request';
import { STATE_LABELS, STATE_TONES } from '../labels';
import { ToneBadge } from './tone-badge';

type Mode = 'envelopes' | 'labels';

const templateTitle = (key: string | null) => (key && isLetterTemplateKey(key) ? LETTER_TEMPLATE_TITLES[key] : null);

function LetterCells({ letter }: { letter: CorrespondenceBody }) {
  return (
    <>
      <Table.Td>
        {letter.personId ? (
          <AnchorLink to="/people/$personId" params={{ personId: letter.personId }}>
            {letter.personName ?? 'Person'}
          </AnchorLink>
        ) : (
          (letter.personName ?? 'Intake')
        )}
      </Table.Td>
      <Table.Td>
        {templateTitle(letter.templateKey) ?? letter.summary}
        {letter.language && letter.language !== 'en' ? ` (${letter.language})` : ''}
      </Table.Td>
      <Table.Td>{CHANNEL_LABELS[letter.channel]}</Table.Td>
      <Table.Td>{letter.staff?.name ?? '—'}</Table.Td>
      <Table.Td>
        {letter.documentId ? (
          <Anchor href={correspondencePdfUrl(letter.id)} target="_blank" rel="noopener">
            PDF<VisuallyHidden> of the letter to {letter.personName ?? 'this person'}</VisuallyHidden>
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
    </>
  );
}

/**
 * Outgoing mail: the letters ready to print, across people. A batch prints as one PDF (each letter
 * with its envelope, or the letters and a sheet of address labels), in order, and is logged as sent.
 */
export function OutgoingMailPage() {
  usePageTitle('Outgoing mail');
  const ready = useCorrespondenceByState('ready');
  const sent = useCorrespondenceByState('sent');
  const print = useBatchPrint();
  const [chosen, setChosen] = useState<string[]>([]);
  const [mode, setMode] = useState<Mode>('envelopes');
  const [printed, setPrinted] = useState<CorrespondenceBody[]>([]);
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const items = ready.data?.pages.flatMap((page) => page.items) ?? [];
  const sentById = new Map((sent.data?.pages.flatMap((page) => page.items) ?? []).map((item) => [item.id, item]));
  const isAllChosen = items.length > 0 && items.every((item) => chosen.includes(item.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Print in the order of the list, whatever order the boxes were ticked in.
    const ids = items.filter((item) => chosen.includes(item.id)).map((item) => item.id);
    if (ids.length === 0) {
      setChoiceError('Choose at least one letter');
      return;
    }
    setChoiceError(undefined);
    const batch = items.filter((item) => ids.includes(item.id));
    print.mutate(
      { ids, mode },
      {
        onSuccess: (file) => {
          saveFile(file, `letters-${new Date().toISOString().slice(0, 10)}.pdf`);
          setPrinted(batch);
          setChosen([]);
          notifications.show({
            message: `${ids.length} ${ids.length === 1 ? 'letter' : 'letters'} printed and marked sent.`,
          });
        },
      },
    );
  };

  return (
    <Stack gap="xl">
      <Title order={1}>Outgoing mail</Title>
      <Alert color="red" title="Do not staple" data-testid="no-staples-note">
        <Text size="sm">
          Do not staple: prisons refuse staples and metal fasteners in legal mail. Fold each letter with its pages
          loose, and present legal mail to the mailroom unsealed where the facility asks for it.
        </Text>
      </Alert>

      <Stack component="section" gap="md" aria-labelledby="ready-heading">
        <Title order={2} id="ready-heading">
          Ready to print
        </Title>
        {ready.isPending && <PageLoader label="Loading the letters ready to print" />}
        {ready.isError && (
          <QueryError error={ready.error} what="the letters ready to print" onRetry={() => void ready.refetch()} />
        )}
        {ready.isSuccess &&
          (items.length === 0 ? (
            <Text>No letters are waiting to be printed.</Text>
          ) : (
            <form onSubmit={submit} noValidate aria-label="Print a batch">
              <Stack gap="md">
                <FormAlert error={print.error} fields={[]} title="Could not print the batch" />
                {choiceError && (
                  <Text c="red.9" size="sm" role="alert">
                    {choiceError}
                  </Text>
                )}
                <TableRegion label="Letters ready to print">
                  <Table striped verticalSpacing="xs" data-testid="ready-letters">
                    <Table.Caption>Letters ready to print, in the order they will print</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">
                          <Checkbox
                            aria-label="Choose all letters"
                            checked={isAllChosen}
                            indeterminate={chosen.length > 0 && !isAllChosen}
                            onChange={(event) =>
                              setChosen(event.currentTarget.checked ? items.map((item) => item.id) : [])
                            }
                          />
                        </Table.Th>
                        <Table.Th scope="col">To</Table.Th>
                        <Table.Th scope="col">Letter</Table.Th>
                        <Table.Th scope="col">Channel</Table.Th>
                        <Table.Th scope="col">Staff</Table.Th>
                        <Table.Th scope="col">Preview</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((letter) => (
                        <Table.Tr key={letter.id} data-testid="ready-letter-row">
                          <Table.Td>
                            <Checkbox
                              aria-label={`Choose the letter to ${letter.personName ?? 'this person'}: ${templateTitle(letter.templateKey) ?? letter.summary}`}
                              checked={chosen.includes(letter.id)}
                              onChange={(event) => {
                                const isChecked = event.currentTarget.checked;
                                setChosen((previous) =>
                                  isChecked ? [...previous, letter.id] : previous.filter((id) => id !== letter.id),
                                );
                              }}
                            />
                          </Table.Td>
                          <LetterCells letter={letter} />
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableRegion>
                <Radio.Group
                  label="Print with"
                  value={mode}
                  onChange={(value) => setMode(value === 'labels' ? 'labels' : 'envelopes')}
                >
                  <Group mt="xs">
                    <Radio value="envelopes" label="Envelopes (each letter followed by its #10 envelope)" />
                    <Radio value="labels" label="Address labels (the letters, then a sheet of labels)" />
                  </Group>
                </Radio.Group>
                <Group>
                  <Button type="submit" loading={print.isPending}>
                    Print batch
                  </Button>
                  <Text size="sm">
                    {chosen.length} of {items.length} chosen
                  </Text>
                </Group>
              </Stack>
            </form>
          ))}
        {ready.hasNextPage && (
          <Button
            variant="outline"
            onClick={() => void ready.fetchNextPage()}
            loading={ready.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            Load more letters
          </Button>
        )}
      </Stack>

      {printed.length > 0 && (
        <Stack component="section" gap="md" aria-labelledby="printed-heading">
          <Title order={2} id="printed-heading">
            Just printed
          </Title>
          <TableRegion label="Letters just printed">
            <Table striped verticalSpacing="xs" data-testid="printed-letters">
              <Table.Caption>The batch just printed, now logged as sent</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">To</Table.Th>
                  <Table.Th scope="col">Letter</Table.Th>
                  <Table.Th scope="col">Channel</Table.Th>
                  <Table.Th scope="col">Staff</Table.Th>
                  <Table.Th scope="col">Preview</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {printed.map((letter) => {
                  const now = sentById.get(letter.id) ?? letter;
                  return (
                    <Table.Tr key={letter.id} data-testid="printed-letter-row" data-state={now.state}>
                      <Table.Td>
                        <ToneBadge tone={STATE_TONES[now.state]}>
                          {STATE_LABELS[now.state]}
                          {now.sentOn ? ` ${now.sentOn}` : ''}
                        </ToneBadge>
                      </Table.Td>
                      <LetterCells letter={now} />
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableRegion>
        </Stack>
      )}
    </Stack>
  );
}
