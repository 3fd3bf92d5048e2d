import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  allowedVisitTransitions,
  formatVisitDuration,
  VISIT_STATUS_LABELS,
  VISITOR_CAPACITY_LABELS,
  type VisitBody,
} from '@redress/core';
import { DateTime } from '../../../components/date-time';
import { describeError } from '../../../components/form-alert';
import { ToneBadge } from '../../correspondence/components/tone-badge';
import { documentContentUrl } from '../api/list-visits';
import { VISIT_STATUS_TONES } from '../labels';
import type { VisitChangeKind } from './change-visit-form';

type VisitCardProps = {
  visit: VisitBody;
  canWrite: boolean;
  onChange: (kind: VisitChangeKind) => void;
  onApprove: () => void;
  onRequestAgain: () => void;
  onRequestLetter: () => void;
  onRecord: () => void;
  isBusy: boolean;
  letterError: unknown;
  isWritingLetter: boolean;
};

/** One visit: where, who, when, its status and what can happen next. */
export function VisitCard({
  visit,
  canWrite,
  onChange,
  onApprove,
  onRequestAgain,
  onRequestLetter,
  onRecord,
  isBusy,
  letterError,
  isWritingLetter,
}: VisitCardProps) {
  const next = allowedVisitTransitions(visit.status);
  const facility = visit.facility?.name ?? 'Facility not recorded';
  const headingId = `visit-${visit.id}-heading`;
  const canAskLetter = visit.status === 'requested' || visit.status === 'approved' || visit.status === 'scheduled';
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={headingId}
      data-testid="visit-card"
      data-status={visit.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} id={headingId} size="h4">
            Visit to {facility}
            <VisuallyHidden>, requested {visit.requestedOn}</VisuallyHidden>
          </Title>
          <ToneBadge tone={VISIT_STATUS_TONES[visit.status]} size="lg" data-testid="visit-status">
            {VISIT_STATUS_LABELS[visit.status]}
          </ToneBadge>
        </Group>
        <Text size="sm">{visit.purpose}</Text>
        <dl
          style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 16px', margin: 0, fontSize: 14 }}
        >
          <dt style={{ fontWeight: 600 }}>Requested</dt>
          <dd style={{ margin: 0 }}>{visit.requestedOn}</dd>
          {visit.proposedDates.length > 0 && (
            <>
              <dt style={{ fontWeight: 600 }}>Proposed dates</dt>
              <dd style={{ margin: 0 }}>{visit.proposedDates.join(', ')}</dd>
            </>
          )}
          {visit.scheduledStart && (
            <>
              <dt style={{ fontWeight: 600 }}>Scheduled</dt>
              <dd style={{ margin: 0 }} data-testid="visit-scheduled">
                <DateTime value={visit.scheduledStart} />
                {visit.scheduledEnd && (
                  <>
                    {' to '}
                    <DateTime value={visit.scheduledEnd} />
                  </>
                )}
              </dd>
            </>
          )}
          <dt style={{ fontWeight: 600 }}>Visitors</dt>
          <dd style={{ margin: 0 }}>
            {visit.visitors
              .map((visitor) => {
                const capacity = VISITOR_CAPACITY_LABELS[visitor.capacity];
                const supervised = visitor.supervisingAttorney ? `, for ${visitor.supervisingAttorney.name}` : '';
                const attended = visitor.attended === false ? ' (did not attend)' : '';
                return `${visitor.name} (${capacity}${supervised})${attended}`;
              })
              .join('; ')}
          </dd>
          {visit.decidedReason && (
            <>
              <dt style={{ fontWeight: 600 }}>Reason</dt>
              <dd style={{ margin: 0 }}>{visit.decidedReason}</dd>
            </>
          )}
          {visit.record && (
            <>
              <dt style={{ fontWeight: 600 }}>Held</dt>
              <dd style={{ margin: 0 }} data-testid="visit-held">
                <DateTime value={visit.record.heldStart} /> ({formatVisitDuration(visit.record.durationMinutes)})
              </dd>
            </>
          )}
          {visit.requestDocumentId && (
            <>
              <dt style={{ fontWeight: 600 }}>Request letter</dt>
              <dd style={{ margin: 0 }}>
                <Anchor href={documentContentUrl(visit.requestDocumentId)} target="_blank" rel="noopener">
                  Open the request letter (PDF)
                </Anchor>
              </dd>
            </>
          )}
        </dl>
        {visit.record?.privilegedNotes && (
          <details>
            <summary>Privileged notes</summary>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {visit.record.privilegedNotes}
            </Text>
          </details>
        )}
        {Boolean(letterError) && (
          <Alert color="red" title="Could not write the request letter" role="alert">
            <Text size="sm">{describeError(letterError)}</Text>
          </Alert>
        )}
        {canWrite && (
          <Group gap="xs">
            {next.includes('approved') && (
              <Button size="compact-sm" variant="default" loading={isBusy} onClick={onApprove}>
                Approve
              </Button>
            )}
            {next.includes('scheduled') && (
              <Button size="compact-sm" variant="default" onClick={() => onChange('schedule')}>
                {visit.status === 'scheduled' ? 'Reschedule' : 'Schedule'}
              </Button>
            )}
            {next.includes('held') && (
              <Button size="compact-sm" onClick={onRecord}>
                Record the visit
              </Button>
            )}
            {next.includes('denied') && (
              <Button size="compact-sm" variant="outline" color="red" onClick={() => onChange('deny')}>
                Deny
              </Button>
            )}
            {next.includes('requested') && (
              <Button size="compact-sm" variant="default" loading={isBusy} onClick={onRequestAgain}>
                Request again
              </Button>
            )}
            {canAskLetter && (
              <Button size="compact-sm" variant="default" loading={isWritingLetter} onClick={onRequestLetter}>
                {visit.requestDocumentId ? 'Write the request letter again' : 'Request letter'}
              </Button>
            )}
            {next.includes('cancelled') && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange('cancel')}>
                Cancel visit
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
