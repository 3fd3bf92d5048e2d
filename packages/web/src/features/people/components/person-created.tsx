import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { CreatedPersonView, PossibleDuplicateView } from '@redress/core';
import { AnchorLink } from '../anchor-link';

export type CreatedPerson = ReturnType<(typeof CreatedPersonView)['parse']>;

const REASON_LABELS: Record<PossibleDuplicateView['reasons'][number], string> = {
  identifier: 'same identifier',
  name: 'similar name',
  alias: 'similar alias',
  date_of_birth: 'same date of birth',
};

const describeDuplicate = (duplicate: PossibleDuplicateView): string => {
  const reasons = duplicate.reasons.map((reason) => REASON_LABELS[reason]).join(', ');
  const born = duplicate.dateOfBirth ? `born ${duplicate.dateOfBirth}, ` : '';
  return `${born}${reasons}`;
};

type PersonCreatedProps = { created: CreatedPerson; onAddAnother: () => void; onClose: () => void };

/** After a person is recorded: a link to the record and, if any, the people who may be the same. */
export function PersonCreated({ created, onAddAnother, onClose }: PersonCreatedProps) {
  const { person, possibleDuplicates } = created;
  return (
    <Stack gap="md">
      <Text role="status">
        Added{' '}
        <AnchorLink to="/people/$personId" params={{ personId: person.id }} onClick={onClose}>
          {person.legalName}
        </AnchorLink>
        .
      </Text>
      {possibleDuplicates.length > 0 && (
        <Alert color="red" title="Possible duplicates" role="alert">
          <Text size="sm">
            These people may be the same person. Check them, and merge the records by hand if they are.
          </Text>
          <List size="sm" mt="xs" aria-label="Possible duplicates">
            {possibleDuplicates.map((duplicate) => (
              <List.Item key={duplicate.id}>
                <AnchorLink to="/people/$personId" params={{ personId: duplicate.id }} onClick={onClose}>
                  {duplicate.legalName}
                </AnchorLink>{' '}
                ({describeDuplicate(duplicate)})
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        <Button onClick={onAddAnother} variant="default">
          Add another person
        </Button>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
