import { Button, Collapse, Group, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { OPEN_STATUSES, type PathwayResultBody, type PersonScreeningBody } from '@redress/core';
import { useId, useState } from 'react';
import { describeError } from '../../../components/form-alert';
import { RuleTrace } from './rule-trace';
import { StatusBadge } from './status-badge';

type MissingFact = PersonScreeningBody['missingFacts'][number];

const DATE_LABELS: Record<string, string> = {
  court_filing_from: 'Court filing from',
  would_qualify_from: 'Would qualify from',
  deadline: 'Deadline',
};
const dateLabel = (key: string): string => DATE_LABELS[key] ?? key.replace(/_/g, ' ');

/** What the button beside a missing fact does: open the facts form, or go to that part of the page. */
export const MISSING_FACT_ACTIONS: Record<MissingFact['where'], string> = {
  screening_facts: 'Fill in',
  person: 'Go to the person',
  convictions: 'Go to the convictions',
  placements: 'Go to the placements',
  sentence_events: 'Go to the sentence events',
};

type PathwayResultCardProps = {
  result: PathwayResultBody;
  title: string;
  missingFacts: readonly MissingFact[];
  canOpenMatter: boolean;
  canEditFacts: boolean;
  isOpening: boolean;
  openError: unknown;
  onOpenMatter: () => void;
  onMissingFact: (fact: MissingFact) => void;
};

/** One pathway for the person: status, date, reasons and citations; the rule trace on request. */
export function PathwayResultCard({
  result,
  title,
  missingFacts,
  canOpenMatter,
  canEditFacts,
  isOpening,
  openError,
  onOpenMatter,
  onMissingFact,
}: PathwayResultCardProps) {
  const id = useId();
  const [isWhyShown, setIsWhyShown] = useState(false);
  const headingId = `${id}-heading`;
  const whyId = `${id}-why`;
  const isOpen = OPEN_STATUSES.has(result.status);
  const extraDates = Object.entries(result.dates ?? {});

  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      aria-labelledby={headingId}
      data-testid="screening-result"
      data-pathway={result.pathway}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {title}
          </Title>
          <StatusBadge status={result.status} eligibleFrom={result.eligible_from} />
        </Group>
        {result.eligible_from && (
          <Text size="sm">
            <Text span fw={600}>
              Eligible from:
            </Text>{' '}
            <time dateTime={result.eligible_from}>{result.eligible_from}</time>
          </Text>
        )}
        {extraDates.length > 0 && (
          <Text size="sm">
            {extraDates.map(([key, date], index) => (
              <span key={key}>
                {index > 0 ? '; ' : ''}
                <Text span fw={600}>
                  {dateLabel(key)}:
                </Text>{' '}
                {date}
              </span>
            ))}
          </Text>
        )}
        {result.reasons.length > 0 && (
          <List size="sm" spacing={2} aria-label={`Reasons for ${title}`}>
            {result.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        )}
        {result.citations.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>
              Citations:
            </Text>{' '}
            {result.citations.join('; ')}
          </Text>
        )}
        {result.flags && result.flags.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>
              Flags:
            </Text>{' '}
            {result.flags.map((flag) => flag.replace(/_/g, ' ')).join('; ')}
          </Text>
        )}
        {result.overlays?.map((overlay) => (
          <Text size="sm" key={overlay.overlay}>
            <Text span fw={600}>
              {overlay.title}:
            </Text>{' '}
            {overlay.matches === null ? 'the record cannot say' : overlay.matches ? 'meets it' : 'does not meet it'}
            {overlay.reasons.length > 0 ? ` (${overlay.reasons.join('; ')})` : ''}
          </Text>
        ))}
        {missingFacts.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Facts that would change this result:
            </Text>
            <List size="sm" spacing={4}>
              {missingFacts.map((fact) => (
                <List.Item key={fact.field}>
                  {fact.label}{' '}
                  {(fact.where !== 'screening_facts' || canEditFacts) && (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => onMissingFact(fact)}
                      aria-label={`${MISSING_FACT_ACTIONS[fact.where]}: ${fact.label}`}
                    >
                      {MISSING_FACT_ACTIONS[fact.where]}
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={isWhyShown}
            aria-controls={whyId}
            onClick={() => setIsWhyShown(!isWhyShown)}
          >
            {isWhyShown ? 'Hide why' : 'Why?'}
            <VisuallyHidden> ({title})</VisuallyHidden>
          </Button>
          {isOpen && canOpenMatter && (
            <Button variant="default" size="compact-sm" loading={isOpening} onClick={onOpenMatter}>
              Open a matter
              <VisuallyHidden> for {title}</VisuallyHidden>
            </Button>
          )}
        </Group>
        {openError ? (
          <Text size="sm" c="red.9" role="alert">
            Could not open the matter: {describeError(openError)}
          </Text>
        ) : null}
        <div id={whyId}>
          <Collapse expanded={isWhyShown}>
            {isWhyShown && <RuleTrace trace={result.trace ?? []} pathwayTitle={title} />}
          </Collapse>
        </div>
      </Stack>
    </Paper>
  );
}
