import { Alert, Badge, Checkbox, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { CONFLICT_KIND_LABELS, type IntakeDetail } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { AnchorLink } from '../../people/anchor-link';
import { READABLE_TITLE } from './readable-title';

type ConflictsPanelProps = {
  intake: IntakeDetail;
  isAcknowledged: boolean;
  onAcknowledge: (isAcknowledged: boolean) => void;
};

/**
 * The conflict check of the applicant, aliases and co-defendants, run afresh on every read. Accepting
 * needs the possible conflicts acknowledged first.
 */
export function ConflictsPanel({ intake, isAcknowledged, onAcknowledge }: ConflictsPanelProps) {
  const { checkedNames, matches } = intake.conflicts;
  return (
    <Stack component="section" gap="sm" aria-labelledby="intake-conflicts-heading" data-testid="intake-conflicts">
      <Title order={2} id="intake-conflicts-heading" size="h3">
        Conflict check
      </Title>
      <Text size="sm">
        {checkedNames.length === 0
          ? 'No name to check yet: fill in the applicant name.'
          : `Checked: ${checkedNames.join(', ')}.`}
      </Text>
      {checkedNames.length > 0 && matches.length === 0 && (
        <Alert color="green" title="No possible conflicts" role="status" styles={READABLE_TITLE}>
          <Text size="sm">No victim, co-defendant, adverse party or client matches these names.</Text>
        </Alert>
      )}
      {matches.length > 0 && (
        <>
          <Alert
            color="yellow"
            title={`${matches.length} possible ${matches.length === 1 ? 'conflict' : 'conflicts'}`}
            styles={READABLE_TITLE}
          >
            <Text size="sm">Review them before accepting the intake.</Text>
          </Alert>
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
                {matches.map((match, index) => (
                  // Matches carry no id of their own; the order is the server's and does not change.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <Table.Tr key={index} data-testid="conflict-match">
                    <Table.Th scope="row">
                      {match.personId ? (
                        <AnchorLink to="/people/$personId" params={{ personId: match.personId }}>
                          {match.label}
                        </AnchorLink>
                      ) : (
                        match.label
                      )}
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
          <Checkbox
            label="I have reviewed these possible conflicts"
            description="Needed to accept the intake; recorded with the acceptance"
            checked={isAcknowledged}
            onChange={(event) => onAcknowledge(event.currentTarget.checked)}
          />
        </>
      )}
    </Stack>
  );
}
