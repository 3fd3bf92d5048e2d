import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { canEditIntake, INTAKE_CHANNEL_LABELS, type IntakeDetail } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { pathErrors } from '../../people/detail-errors';
import { useIntake } from '../api/get-intake';
import { useUpdateIntake } from '../api/update-intake';
import { LANGUAGE_LABELS } from '../labels';
import {
  type QuestionnaireDraft,
  questionnaireFieldId,
  toDraft,
  toQuestionnaireChange,
  withCopiedText,
} from '../questionnaire-fields';
import { AssignPanel } from './assign-panel';
import { ConflictsPanel } from './conflicts-panel';
import { DecisionPanel } from './decision-panel';
import { DuplicatesPanel } from './duplicates-panel';
import { IntakeStateBadge } from './intake-table';
import { LetterDocument } from './letter-document';
import { PaperQuestionnairePanel } from './paper-questionnaire-panel';
import { QuestionnaireForm } from './questionnaire-form';

const routeApi = getRouteApi('/signed-in/intake/$intakeId');
const POLL_MS = 1500;

export function IntakePage() {
  const { intakeId } = routeApi.useParams();
  const intake = useIntake(intakeId, POLL_MS);
  usePageTitle(intake.data ? `Intake ${intake.data.reference}` : 'Intake');

  if (intake.isPending) return <PageLoader label="Loading the intake" />;
  if (intake.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Intake</Title>
        <QueryError error={intake.error} what="this intake" onRetry={() => void intake.refetch()} />
        <AnchorLink to="/intake">The triage queue</AnchorLink>
      </Stack>
    );
  }
  // A fresh record per intake, so the questionnaire draft starts from what is stored.
  return <IntakeRecord key={intake.data.id} intake={intake.data} />;
}

function IntakeFacts({ intake }: { intake: IntakeDetail }) {
  const facts: [string, string][] = [
    ['Channel', INTAKE_CHANNEL_LABELS[intake.channel]],
    ['Received', `${intake.receivedOn} (${intake.ageDays} ${intake.ageDays === 1 ? 'day' : 'days'} ago)`],
    ['Language', LANGUAGE_LABELS[intake.language]],
  ];
  if (intake.submittedBy) {
    facts.push([
      'Sent in by',
      [intake.submittedBy.name, intake.submittedBy.relationship, intake.submittedBy.contact].filter(Boolean).join(', '),
    ]);
  }
  facts.push([
    'Recorded',
    `${formatDateTime(intake.createdAt)}${intake.createdBy ? ` by ${intake.createdBy.name}` : ''}`,
  ]);
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function IntakeRecord({ intake }: { intake: IntakeDetail }) {
  const update = useUpdateIntake();
  const [saved, setSaved] = useState<QuestionnaireDraft>(() => toDraft(intake.questionnaire));
  const [draft, setDraft] = useState<QuestionnaireDraft>(saved);
  const [isAcknowledged, setIsAcknowledged] = useState(false);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const isReadOnly = !canEditIntake(intake);
  const documents = intake.documents;

  const save = () =>
    update.mutate(
      { intakeId: intake.id, changes: { questionnaire: toQuestionnaireChange(draft, intake.questionnaire) } },
      {
        onSuccess: (next) => {
          const fresh = toDraft(next.questionnaire);
          setSaved(fresh);
          setDraft(fresh);
          notifications.show({ message: 'Questionnaire saved.' });
        },
      },
    );

  const copy = (path: string, text: string) => {
    if (isReadOnly) return;
    setDraft((current) => withCopiedText(current, path, text));
    // Take the user to the field that received the text.
    requestAnimationFrame(() => document.getElementById(questionnaireFieldId(path))?.focus());
  };

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <AnchorLink to="/intake" size="sm">
          The triage queue
        </AnchorLink>
        <Group gap="sm" align="center">
          <Title order={1}>
            Intake {intake.reference}
            {intake.applicantName ? `: ${intake.applicantName}` : ''}
          </Title>
          <IntakeStateBadge intake={intake} />
        </Group>
        <IntakeFacts intake={intake} />
      </Stack>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack component="section" gap="md" aria-labelledby="intake-letter-heading">
            <Title order={2} id="intake-letter-heading" size="h3">
              Letter and scans
            </Title>
            {documents.length === 0 ? (
              <Text size="sm">No scan yet. Upload the letter or the returned questionnaire below.</Text>
            ) : (
              documents.map((scan) => (
                <LetterDocument
                  key={`${scan.id}:${scan.ocr.state}:${scan.text ?? ''}`}
                  intakeId={intake.id}
                  document={scan}
                  onCopy={copy}
                />
              ))
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack component="section" gap="md" aria-labelledby="intake-questionnaire-heading">
            <Title order={2} id="intake-questionnaire-heading" size="h3">
              Questionnaire
            </Title>
            <QuestionnaireForm
              draft={draft}
              onChange={setDraft}
              onSave={save}
              isSaving={update.isPending}
              isDirty={isDirty}
              isReadOnly={isReadOnly}
              error={update.error}
              errors={pathErrors(update.error)}
            />
          </Stack>
        </Grid.Col>
      </Grid>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xl">
            <DuplicatesPanel intake={intake} />
            <ConflictsPanel intake={intake} isAcknowledged={isAcknowledged} onAcknowledge={setIsAcknowledged} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xl">
            <AssignPanel intake={intake} />
            <DecisionPanel intake={intake} isAcknowledged={isAcknowledged} onAcknowledge={setIsAcknowledged} />
            <PaperQuestionnairePanel intake={intake} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
