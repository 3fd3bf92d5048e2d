import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  canDecideIntake,
  INTAKE_DECISION_LABELS,
  type IntakeDetail,
  MATTER_TYPES,
  type MatterType,
  NON_ACCEPT_DECISIONS,
} from '@redress/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { FormAlert } from '../../../components/form-alert';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { MATTER_TYPE_OPTIONS } from '../../matters/labels';
import { AnchorLink } from '../../people/anchor-link';
import { isOneOf } from '../../people/labels';
import { useAcceptIntake } from '../api/accept-intake';
import { useDecideIntake } from '../api/decide-intake';
import { useUpdateIntake } from '../api/update-intake';
import { READABLE_TITLE } from './readable-title';

type Choice = 'accepted' | (typeof NON_ACCEPT_DECISIONS)[number];
const CHOICES: readonly Choice[] = ['accepted', ...NON_ACCEPT_DECISIONS];
const CHOICE_LABELS: Record<Choice, string> = {
  accepted: 'Accept: open a person and a matter',
  declined: 'Decline',
  waitlisted: 'Waitlist: decide later',
  referred: 'Refer to another organisation',
};

type AcceptDialogProps = {
  intake: IntakeDetail;
  isAcknowledged: boolean;
  onAcknowledge: (isAcknowledged: boolean) => void;
  onClose: () => void;
};

/** Accepting: the matter type (and, if needed, the person's name), then on to the new person's page. */
function AcceptDialog({ intake, isAcknowledged, onAcknowledge, onClose }: AcceptDialogProps) {
  const navigate = useNavigate();
  const accept = useAcceptIntake();
  const [matterType, setMatterType] = useState<MatterType | ''>('');
  const [legalName, setLegalName] = useState(intake.applicantName ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const hasConflicts = intake.conflicts.matches.length > 0;
  const server = serverFieldErrors(accept.error);
  const isUnacknowledged = isApiError(accept.error) && accept.error.code === 'intake.conflicts_unacknowledged';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!matterType) found.matterType = 'Choose the type of matter';
    if (!legalName.trim()) found.legalName = "Enter the person's legal name";
    if (hasConflicts && !isAcknowledged) found.acknowledgeConflicts = 'Review the possible conflicts first';
    setClientErrors(found);
    if (!matterType || Object.keys(found).length > 0) return;
    const name = legalName.trim();
    accept.mutate(
      {
        intakeId: intake.id,
        acceptance: {
          matterType,
          acknowledgeConflicts: isAcknowledged,
          ...(name !== (intake.applicantName ?? '') ? { personOverrides: { legalName: name } } : {}),
        },
      },
      {
        onSuccess: ({ person }) => void navigate({ to: '/people/$personId', params: { personId: person.id } }),
      },
    );
  };

  return (
    <AppDialog title="Accept the intake" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Accept the intake">
        <Stack gap="md">
          <FormAlert
            error={isUnacknowledged ? null : accept.error}
            fields={['matterType', 'personOverrides', 'acknowledgeConflicts']}
            title="Could not accept the intake"
          />
          <Text size="sm">
            The applicant becomes a person in the case file, with what the questionnaire holds, and a matter is opened
            for them.
          </Text>
          <NativeSelect
            label="Matter type"
            required
            data={[{ value: '', label: 'Choose a type' }, ...MATTER_TYPE_OPTIONS]}
            value={matterType}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setMatterType(isOneOf(MATTER_TYPES, value) ? value : '');
            }}
            error={clientErrors.matterType ?? server.matterType}
          />
          <TextInput
            label="Legal name"
            required
            description="From the questionnaire; change it if the letter used another name"
            maxLength={200}
            value={legalName}
            onChange={(event) => setLegalName(event.currentTarget.value)}
            error={clientErrors.legalName ?? server.personOverrides}
          />
          {hasConflicts && (
            <Checkbox
              label={`I have reviewed the ${intake.conflicts.matches.length} possible ${
                intake.conflicts.matches.length === 1 ? 'conflict' : 'conflicts'
              }`}
              checked={isAcknowledged}
              onChange={(event) => onAcknowledge(event.currentTarget.checked)}
              error={
                clientErrors.acknowledgeConflicts ??
                (isUnacknowledged && isApiError(accept.error) ? accept.error.message : undefined)
              }
            />
          )}
          <Group>
            <Button type="submit" loading={accept.isPending}>
              Accept and open the person
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}

type DecisionPanelProps = {
  intake: IntakeDetail;
  isAcknowledged: boolean;
  onAcknowledge: (isAcknowledged: boolean) => void;
};

/** The decision: accept, decline, waitlist or refer, with the reason the organisation keeps. */
export function DecisionPanel({ intake, isAcknowledged, onAcknowledge }: DecisionPanelProps) {
  const decide = useDecideIntake();
  const reopen = useUpdateIntake();
  const [choice, setChoice] = useState<Choice | ''>('');
  const [reason, setReason] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [isAccepting, setIsAccepting] = useState(false);
  const server = serverFieldErrors(decide.error);
  const canDecide = canDecideIntake(intake);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!choice) found.decision = 'Choose a decision';
    if ((choice === 'declined' || choice === 'referred') && !reason.trim()) found.reason = 'Say why';
    if (choice === 'referred' && !organisation.trim()) found.referralOrganisation = 'Name the organisation';
    setClientErrors(found);
    if (!choice || Object.keys(found).length > 0) return;
    if (choice === 'accepted') {
      setIsAccepting(true);
      return;
    }
    decide.mutate({
      intakeId: intake.id,
      decision: {
        decision: choice,
        reason: reason.trim() || null,
        referralOrganisation: choice === 'referred' ? organisation.trim() : null,
      },
    });
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="intake-decision-heading">
      <Title order={2} id="intake-decision-heading" size="h3">
        Decision
      </Title>
      {intake.decision && (
        <Alert
          color={intake.decision === 'accepted' ? 'green' : 'gray'}
          styles={READABLE_TITLE}
          title={INTAKE_DECISION_LABELS[intake.decision]}
        >
          <Stack gap={4}>
            {intake.decisionReason && <Text size="sm">Reason: {intake.decisionReason}</Text>}
            {intake.referralOrganisation && <Text size="sm">Referred to {intake.referralOrganisation}.</Text>}
            {intake.decidedAt && (
              <Text size="sm">
                Decided {formatDateTime(intake.decidedAt)}
                {intake.decidedBy ? ` by ${intake.decidedBy.name}` : ''}.
              </Text>
            )}
            {intake.person && (
              <Text size="sm">
                Person:{' '}
                <AnchorLink to="/people/$personId" params={{ personId: intake.person.id }}>
                  {intake.person.legalName}
                </AnchorLink>
              </Text>
            )}
            {intake.matter && (
              <Text size="sm">
                Matter:{' '}
                <AnchorLink to="/matters/$matterId" params={{ matterId: intake.matter.id }}>
                  {intake.matter.title}
                </AnchorLink>
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {intake.state === 'decided' && intake.decision !== 'accepted' && (
        <Group gap="xs">
          <FormAlert error={reopen.error} title="Could not reopen the intake" />
          <Button
            size="sm"
            variant="default"
            loading={reopen.isPending}
            onClick={() => reopen.mutate({ intakeId: intake.id, changes: { state: 'in_review' } })}
          >
            Reopen the intake
          </Button>
        </Group>
      )}
      {canDecide && (
        <form onSubmit={submit} noValidate aria-label="Decide the intake">
          <Stack gap="sm">
            <FormAlert
              error={decide.error}
              fields={['decision', 'reason', 'referralOrganisation']}
              title="Could not record the decision"
            />
            <Radio.Group
              label="Decision"
              value={choice}
              onChange={(value) => setChoice(CHOICES.find((c) => c === value) ?? '')}
              error={clientErrors.decision ?? server.decision}
              required
            >
              <Stack gap={6} mt={6}>
                {CHOICES.map((value) => (
                  <Radio key={value} value={value} label={CHOICE_LABELS[value]} />
                ))}
              </Stack>
            </Radio.Group>
            {choice !== 'accepted' && (
              <Textarea
                label="Reason"
                description={
                  choice === 'declined' || choice === 'referred' ? 'Required to decline or refer' : 'Optional'
                }
                required={choice === 'declined' || choice === 'referred'}
                autosize
                minRows={2}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={clientErrors.reason ?? server.reason}
              />
            )}
            {choice === 'referred' && (
              <TextInput
                label="Referral organisation"
                required
                maxLength={300}
                value={organisation}
                onChange={(event) => setOrganisation(event.currentTarget.value)}
                error={clientErrors.referralOrganisation ?? server.referralOrganisation}
              />
            )}
            <Group>
              <Button type="submit" loading={decide.isPending}>
                {choice === 'accepted' ? 'Accept…' : 'Record decision'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {isAccepting && (
        <AcceptDialog
          intake={intake}
          isAcknowledged={isAcknowledged}
          onAcknowledge={onAcknowledge}
          onClose={() => setIsAccepting(false)}
        />
      )}
    </Stack>
  );
}
