import { Alert, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isCalendarDate, type PathwayId, type PersonScreeningBody, type PersonView } from '@redress/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePersonScreening } from '../api/get-person-screening';
import { useOpenMatterFromScreening } from '../api/open-matter-from-screening';
import { todayIso } from '../dates';
import { pathwayLabel } from '../labels';
import { EligibilityStrip, type StripRow } from './eligibility-strip';
import { MISSING_FACT_ACTIONS, PathwayResultCard } from './pathway-result-card';
import { factPathOf, ScreeningFactsDialogBody } from './screening-facts-form';

type MissingFact = PersonScreeningBody['missingFacts'][number];

/** The person page's sections a missing fact is filled in at (their headings' ids). */
const SECTION_HEADINGS: Record<Exclude<MissingFact['where'], 'screening_facts'>, string> = {
  person: '',
  convictions: 'convictions-heading',
  placements: 'placements-heading',
  sentence_events: 'convictions-heading',
};

/** Scrolls to a part of the person page and moves focus there, so keyboard users land where they look. */
const goToSection = (where: keyof typeof SECTION_HEADINGS) => {
  const id = SECTION_HEADINGS[where];
  const target = id ? document.getElementById(id) : document.querySelector<HTMLElement>('main h1');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
};

type ReliefScreeningPanelProps = { person: PersonView; canOpenMatter: boolean };

/**
 * The person page's "Relief screening": every pathway of the person's jurisdiction on an as-of date,
 * with the reasons, the rule trace, the facts that would change a result, and a matter in one step.
 */
export function ReliefScreeningPanel({ person, canOpenMatter }: ReliefScreeningPanelProps) {
  const [asOfInput, setAsOfInput] = useState(todayIso);
  const asOf = isCalendarDate(asOfInput) ? asOfInput : undefined;
  const screening = usePersonScreening(person.id, asOf);
  const [factsFocus, setFactsFocus] = useState<string | null | undefined>(undefined);
  const isFactsOpen = factsFocus !== undefined;
  const openMatter = useOpenMatterFromScreening();
  const navigate = useNavigate();
  const canEditFacts = person.viewer.canWrite;

  const onMissingFact = (fact: MissingFact) => {
    if (fact.where === 'screening_facts') setFactsFocus(factPathOf(fact.field, person.convictions[0]?.id));
    else goToSection(fact.where);
  };

  const startMatter = (pathway: PathwayId) => {
    openMatter.mutate(
      { personId: person.id, pathway, ...(asOf ? { asOf } : {}) },
      {
        onSuccess: (matter) => {
          notifications.show({ message: `Opened “${matter.title}”.` });
          void navigate({ to: '/matters/$matterId', params: { matterId: matter.matterId } });
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="relief-screening">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="date"
          label="Screen as of"
          description="Results depend on the case file and this date only"
          value={asOfInput}
          onChange={(event) => setAsOfInput(event.currentTarget.value)}
          error={asOfInput && !asOf ? 'Use a real date' : undefined}
          w={220}
        />
        <Button variant="default" onClick={() => setAsOfInput(todayIso())}>
          Today
        </Button>
        {canEditFacts && (
          <Button variant="default" onClick={() => setFactsFocus(null)}>
            Screening facts
          </Button>
        )}
      </Group>

      {screening.isPending && <PageLoader label="Screening" />}
      {screening.isError && (
        <QueryError error={screening.error} what="the screening" onRetry={() => void screening.refetch()} />
      )}
      {screening.isSuccess && (
        <ScreeningResults
          body={screening.data}
          personName={person.legalName}
          canOpenMatter={canOpenMatter}
          canEditFacts={canEditFacts}
          openingPathway={openMatter.isPending ? openMatter.variables.pathway : null}
          openError={openMatter.error}
          failedPathway={openMatter.isError ? openMatter.variables.pathway : null}
          isStale={screening.isPlaceholderData}
          onOpenMatter={startMatter}
          onMissingFact={onMissingFact}
        />
      )}

      {isFactsOpen && (
        <AppDialog title="Screening facts" onClose={() => setFactsFocus(undefined)} size="xl">
          <ScreeningFactsDialogBody
            person={person}
            focusPath={factsFocus ?? undefined}
            onDone={() => {
              setFactsFocus(undefined);
              notifications.show({ message: 'Screening facts saved; the results are screened again.' });
            }}
            onCancel={() => setFactsFocus(undefined)}
          />
        </AppDialog>
      )}
    </Stack>
  );
}

type ScreeningResultsProps = {
  body: PersonScreeningBody;
  personName: string;
  canOpenMatter: boolean;
  canEditFacts: boolean;
  openingPathway: PathwayId | null;
  openError: unknown;
  failedPathway: PathwayId | null;
  isStale: boolean;
  onOpenMatter: (pathway: PathwayId) => void;
  onMissingFact: (fact: MissingFact) => void;
};

function ScreeningResults({
  body,
  personName,
  canOpenMatter,
  canEditFacts,
  openingPathway,
  openError,
  failedPathway,
  isStale,
  onOpenMatter,
  onMissingFact,
}: ScreeningResultsProps) {
  const titles = new Map(body.pathways.map((pathway) => [pathway.id, pathway.title]));
  const titleOf = (id: PathwayId) => titles.get(id) ?? pathwayLabel(id);
  const stripRows: StripRow[] = body.results.flatMap((result) =>
    result.eligible_from
      ? [
          {
            pathway: result.pathway,
            title: titleOf(result.pathway),
            status: result.status,
            eligibleFrom: result.eligible_from,
          },
        ]
      : [],
  );
  const open = body.results.filter((result) => result.status === 'eligible' || result.status === 'eligible_from');

  return (
    <Stack gap="md" aria-busy={isStale || undefined}>
      <Text size="sm" role="status">
        {body.jurisdiction
          ? `${body.jurisdiction === 'CA' ? 'California' : 'Federal'} pathways as of ${body.asOf}: ${open.length} of ${body.results.length} open by date. Rule book ${body.ruleBookVersion}.`
          : `As of ${body.asOf}.`}
      </Text>
      {body.unavailableReason && (
        <Alert color="gray" title="This person cannot be screened yet">
          <Text size="sm">{body.unavailableReason}</Text>
        </Alert>
      )}
      {body.warnings.length > 0 && (
        <Alert color="yellow" title="Warnings" styles={{ message: { color: '#5c3c00' } }}>
          <List size="sm">
            {body.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {body.results.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="screening-dates-heading">
          <Title order={3} size="h4" id="screening-dates-heading">
            When each pathway opens
          </Title>
          <EligibilityStrip rows={stripRows} asOf={body.asOf} personName={personName} />
        </Stack>
      )}

      {body.results.map((result) => (
        <PathwayResultCard
          key={result.pathway}
          result={result}
          title={titleOf(result.pathway)}
          missingFacts={body.missingFacts.filter((fact) => fact.pathways.includes(result.pathway))}
          canOpenMatter={canOpenMatter}
          canEditFacts={canEditFacts}
          isOpening={openingPathway === result.pathway}
          openError={failedPathway === result.pathway ? openError : null}
          onOpenMatter={() => onOpenMatter(result.pathway)}
          onMissingFact={onMissingFact}
        />
      ))}

      {body.missingFacts.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="screening-missing-heading">
          <Title order={3} size="h4" id="screening-missing-heading">
            Facts that would change a result
          </Title>
          <List size="sm" spacing={4}>
            {body.missingFacts.map((fact) => (
              <List.Item key={fact.field}>
                {fact.label}
                {fact.pathways.length > 0 ? ` (${fact.pathways.map(titleOf).join(', ')})` : ''}{' '}
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
    </Stack>
  );
}
