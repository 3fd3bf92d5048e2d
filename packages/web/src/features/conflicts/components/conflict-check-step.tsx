import {
  Alert,
  Badge,
  Button,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import {
  CONFLICT_KIND_LABELS,
  type ConflictCheckView,
  type ConflictDecision,
  type ConflictSubjectKind,
} from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { TableRegion } from '../../../components/table-region';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { AnchorLink } from '../../people/anchor-link';
import { useRecordConflictDecision } from '../api/record-conflict-decision';
import { useRunConflictCheck } from '../api/run-conflict-check';
import { CONFLICT_DECISION_LABELS, CONFLICT_DECISION_ORDER } from '../conflict-check';

type ConflictCheckStepProps = {
  subjectKind: ConflictSubjectKind;
  /** The label of the name field, as the form that follows names it ("Legal name", "Name"). */
  nameLabel: string;
  /** The name is clear to add (no conflict, or a conflict waived), with the recorded check. */
  onCleared: (name: string, checkId: string | null) => void;
  onCancel: () => void;
};

/** A server without the conflict-check route answers 404 (or 405): the step then steps aside. */
const isUnavailable = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 405);

/**
 * The conflict check that comes before adding someone: the name is matched against victims,
 * co-defendants, adverse parties and clients, and the user records a decision before going on.
 */
export function ConflictCheckStep({ subjectKind, nameLabel, onCleared, onCancel }: ConflictCheckStepProps) {
  const [name, setName] = useState('');
  const [checkedName, setCheckedName] = useState('');
  const [check, setCheck] = useState<ConflictCheckView | null>(null);
  const [decision, setDecision] = useState<ConflictDecision | ''>('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [isStopped, setIsStopped] = useState(false);
  const runMutation = useRunConflictCheck();
  const decideMutation = useRecordConflictDecision();

  const runCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setClientErrors({ name: 'Enter the name to check' });
      return;
    }
    setClientErrors({});
    setCheck(null);
    setDecision('');
    setNote('');
    setIsStopped(false);
    decideMutation.reset();
    runMutation.mutate(
      { subjectKind, name: trimmed },
      {
        onSuccess: (result) => {
          setCheck(result);
          setCheckedName(trimmed);
        },
      },
    );
  };

  const recordDecision = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check) return;
    const errors: Record<string, string> = {};
    if (!decision) errors.decision = 'Choose a decision';
    if ((decision === 'conflict_waived' || decision === 'conflict') && !note.trim()) {
      errors.note = 'Say why, for the record';
    }
    setClientErrors(errors);
    if (!decision || Object.keys(errors).length > 0) return;
    decideMutation.mutate(
      { checkId: check.id, decision, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          if (decision === 'conflict') setIsStopped(true);
          else onCleared(checkedName, check.id);
        },
      },
    );
  };

  const runErrors = { ...serverFieldErrors(runMutation.error), ...clientErrors };
  const decideErrors = { ...serverFieldErrors(decideMutation.error), ...clientErrors };

  return (
    <Stack gap="md">
      <Text size="sm">
        Before adding anyone, check the name against victims, co-defendants, adverse parties and existing clients.
      </Text>
      <form onSubmit={runCheck} noValidate>
        <Stack gap="sm">
          {!isUnavailable(runMutation.error) && (
            <FormAlert error={runMutation.error} fields={['name']} title="Could not run the conflict check" />
          )}
          <Group align="flex-end" gap="sm">
            <TextInput
              label={nameLabel}
              required
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={runErrors.name}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit" loading={runMutation.isPending}>
              Check for conflicts
            </Button>
          </Group>
        </Stack>
      </form>

      {isUnavailable(runMutation.error) && (
        <Alert color="blue" title="Conflict checks are not available" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">This server does not run conflict checks yet. Check the name by hand before going on.</Text>
            <Button size="xs" variant="outline" onClick={() => onCleared(name.trim(), null)}>
              Continue without a recorded check
            </Button>
          </Stack>
        </Alert>
      )}

      {check && (
        <Stack gap="md" component="section" aria-labelledby="conflict-results-heading">
          <Text fw={700} id="conflict-results-heading" role="status">
            {check.matches.length === 0
              ? `No possible conflicts found for ${checkedName}.`
              : `${check.matches.length} possible ${check.matches.length === 1 ? 'conflict' : 'conflicts'} for ${checkedName}.`}
          </Text>
          {check.matches.length > 0 && <ConflictMatches check={check} />}
          {isStopped ? (
            <Alert color="red" title="Conflict recorded" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">The decision is on record and nothing was added.</Text>
                <Button size="xs" variant="outline" color="red" onClick={onCancel}>
                  Close
                </Button>
              </Stack>
            </Alert>
          ) : (
            <form onSubmit={recordDecision} noValidate>
              <Stack gap="sm">
                <FormAlert
                  error={decideMutation.error}
                  fields={['decision', 'note']}
                  title="Could not record the decision"
                />
                <Radio.Group
                  label="Conflict decision"
                  description="Recorded with the check, under your name"
                  value={decision}
                  onChange={(value) => setDecision(CONFLICT_DECISION_ORDER.find((d) => d === value) ?? '')}
                  error={decideErrors.decision}
                  required
                >
                  <Stack gap={6} mt={6}>
                    {CONFLICT_DECISION_ORDER.map((value) => (
                      <Radio key={value} value={value} label={CONFLICT_DECISION_LABELS[value]} />
                    ))}
                  </Stack>
                </Radio.Group>
                <Textarea
                  label="Decision note"
                  description="Required for a waived conflict or a conflict"
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  error={decideErrors.note}
                />
                <Group>
                  <Button type="submit" loading={decideMutation.isPending}>
                    Record decision
                  </Button>
                  <Button variant="default" onClick={onCancel}>
                    Cancel
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function ConflictMatches({ check }: { check: ConflictCheckView }) {
  return (
    <TableRegion label="Possible conflicts">
      <Table verticalSpacing="xs">
        <Table.Caption>Possible conflicts and the matters involved</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">As</Table.Th>
            <Table.Th scope="col">How close</Table.Th>
            <Table.Th scope="col">Matters</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {check.matches.map((match, index) => (
            // Matches carry no id of their own; the order is the server's and does not change.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Tr key={index} data-testid="conflict-match">
              <Table.Th scope="row">
                {match.label}
                {match.matchedAlias ? ` (alias ${match.matchedAlias})` : ''}
                {match.isRestricted && (
                  <Badge ml={6} color="red" variant="light" size="sm">
                    Restricted
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>{CONFLICT_KIND_LABELS[match.kind]}</Table.Td>
              <Table.Td>
                {Math.round(match.similarity * 100)}%{match.isSameDateOfBirth ? ', same date of birth' : ''}
              </Table.Td>
              <Table.Td>
                {match.matters.length === 0
                  ? '—'
                  : match.matters.map((matter) => (
                      <div key={matter.id}>
                        {matter.isVisible ? (
                          <AnchorLink to="/matters/$matterId" params={{ matterId: matter.id }} target="_blank">
                            {matter.label}
                            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                          </AnchorLink>
                        ) : (
                          matter.label
                        )}
                      </div>
                    ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
