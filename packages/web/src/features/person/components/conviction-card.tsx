import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AUTHORITY_LABELS, type ConvictionView, type PersonView } from '@redress/core';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { TableRegion } from '../../../components/table-region';
import { documentContentUrl } from '../../person-documents/api/person-documents';
import { PartyForm } from './party-form';
import { SentenceEventForm } from './sentence-event-form';

const DISPOSITION_LABELS = { plea: 'Plea', jury: 'Jury trial', bench: 'Bench trial' } as const;
const PARTY_ROLE_LABELS = { victim: 'Victim', survivor: 'Survivor', co_defendant: 'Co-defendant' } as const;
const DEGREE_LABELS = { first: 'first degree', second: 'second degree', third: 'third degree' } as const;

export const convictionTitle = (conviction: ConvictionView): string => {
  const parts = [conviction.caseNumber, conviction.court].filter(Boolean);
  if (parts.length > 0) return parts.join(', ');
  return conviction.convictionDate ? `Conviction of ${conviction.convictionDate}` : 'Conviction';
};

const offenseDates = (c: ConvictionView): string | null => {
  if (!c.offenseStart) return null;
  return c.offenseEnd ? `${c.offenseStart} to ${c.offenseEnd}` : c.offenseStart;
};

type ConvictionCardProps = { conviction: ConvictionView; person: PersonView };

export function ConvictionCard({ conviction, person }: ConvictionCardProps) {
  const [dialog, setDialog] = useState<'event' | 'party' | null>(null);
  const title = convictionTitle(conviction);
  const headingId = `conviction-${conviction.id}`;
  const facts: [string, string | null][] = [
    ['County', conviction.county],
    [
      'Jurisdiction',
      conviction.jurisdiction === 'US' ? 'Federal' : conviction.jurisdiction === 'CA' ? 'California' : 'Other',
    ],
    ['Offense', offenseDates(conviction)],
    ['Convicted', conviction.convictionDate],
    ['Disposition', conviction.disposition ? DISPOSITION_LABELS[conviction.disposition] : null],
    ['Enhancements', conviction.enhancements.join('; ') || null],
    ['Special circumstances', conviction.specialCircumstances.join('; ') || null],
    ['Prosecutor', conviction.prosecutor],
    ['Defense counsel', conviction.defenseCounsel],
    ['Judge', conviction.judge],
  ];
  const restricted = conviction.parties.filter((party) => party.role !== 'co_defendant');
  const coDefendants = conviction.parties.filter((party) => party.role === 'co_defendant');

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {title}
        </Title>
        <Text fw={600} data-testid="current-sentence">
          Current sentence: {conviction.currentSentence ? conviction.currentSentence.label : 'none recorded yet'}
        </Text>
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}>
          {facts
            .filter((fact): fact is [string, string] => Boolean(fact[1]))
            .map(([term, value]) => (
              <div key={term} style={{ display: 'contents' }}>
                <dt style={{ fontWeight: 600 }}>{term}</dt>
                <dd style={{ margin: 0 }}>{value}</dd>
              </div>
            ))}
        </dl>
        <Title order={4}>Counts</Title>
        {conviction.counts.length === 0 ? (
          <Text size="sm">No counts recorded.</Text>
        ) : (
          <List type="ordered" size="sm">
            {conviction.counts.map((count) => (
              <List.Item key={count.id}>
                <code>{count.statute}</code>
                {count.isAttempt ? ' (attempt)' : ''}
                {count.degree ? `, ${DEGREE_LABELS[count.degree]}` : ''}
                {count.description ? ` — ${count.description}` : ''}
              </List.Item>
            ))}
          </List>
        )}
        <Title order={4}>Sentence events</Title>
        {conviction.sentenceEvents.length === 0 ? (
          <Text size="sm">No sentence events yet.</Text>
        ) : (
          <TableRegion label={`Sentence events of ${title}`}>
            <Table verticalSpacing="xs">
              <Table.Caption>Sentence events of {title}, in date order</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Event</Table.Th>
                  <Table.Th scope="col">By</Table.Th>
                  <Table.Th scope="col">Note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conviction.sentenceEvents.map((event) => {
                  const issue = conviction.sentenceIssues.find((i) => i.eventId === event.id);
                  return (
                    <Table.Tr key={event.id}>
                      <Table.Td>{event.date}</Table.Td>
                      <Table.Td>
                        {event.label}
                        {event.documentId && (
                          <>
                            {' '}
                            (
                            <a href={documentContentUrl(event.documentId)} target="_blank" rel="noreferrer">
                              document
                            </a>
                            )
                          </>
                        )}
                        {issue && (
                          <Text size="xs" c="red.9">
                            Not counted: {issue.message}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {event.authorityName ?? (event.authority ? AUTHORITY_LABELS[event.authority] : '—')}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{event.note ?? ''}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableRegion>
        )}
        {conviction.sentenceIssues.length > 0 && (
          <Alert color="red" title="Events that do not fit the history">
            <Text size="sm">
              {conviction.sentenceIssues.length} event(s) were skipped when working out the current sentence. Correct or
              remove them.
            </Text>
          </Alert>
        )}
        {restricted.length > 0 && (
          <>
            <Group gap="xs">
              <Title order={4}>Victims and survivors</Title>
              <Badge color="red" variant="light">
                Legal team only
              </Badge>
            </Group>
            <List size="sm">
              {restricted.map((party) => (
                <List.Item key={party.id}>
                  {party.name} ({PARTY_ROLE_LABELS[party.role]}){party.notify ? ' — victim notification applies' : ''}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {coDefendants.length > 0 && (
          <>
            <Title order={4}>Co-defendants</Title>
            <List size="sm">
              {coDefendants.map((party) => (
                <List.Item key={party.id}>{party.name}</List.Item>
              ))}
            </List>
          </>
        )}
        {person.viewer.canWrite && (
          <Group gap="sm">
            <Button size="sm" onClick={() => setDialog('event')} aria-describedby={headingId}>
              Add sentence event
            </Button>
            <Button size="sm" variant="default" onClick={() => setDialog('party')} aria-describedby={headingId}>
              Add party
            </Button>
          </Group>
        )}
      </Stack>
      {dialog === 'event' && (
        <AppDialog title={`Add sentence event: ${title}`} onClose={() => setDialog(null)} size="lg">
          <SentenceEventForm
            personId={person.id}
            convictionId={conviction.id}
            onCancel={() => setDialog(null)}
            onDone={(label) => {
              setDialog(null);
              notifications.show({ title: 'Sentence event added', message: label });
            }}
          />
        </AppDialog>
      )}
      {dialog === 'party' && (
        <AppDialog title={`Add party: ${title}`} onClose={() => setDialog(null)}>
          <PartyForm
            personId={person.id}
            convictionId={conviction.id}
            canWriteRestricted={person.viewer.canWriteRestricted}
            onDone={() => setDialog(null)}
            onCancel={() => setDialog(null)}
          />
        </AppDialog>
      )}
    </Paper>
  );
}
