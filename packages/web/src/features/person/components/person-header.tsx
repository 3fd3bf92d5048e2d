import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IDENTIFIER_LABELS, type PersonView } from '@redress/core';
import { ALIAS_KIND_LABELS, PERSON_STATUS_LABELS } from '../../people/labels';
import { documentContentUrl } from '../../person-documents/api/person-documents';

type PersonHeaderProps = { person: PersonView; onReleaseMailHold: () => void };

export function PersonHeader({ person, onReleaseMailHold }: PersonHeaderProps) {
  const facts: [string, string][] = [
    ['Date of birth', person.dateOfBirth ?? ''],
    ['Gender', person.gender ?? ''],
    ['Preferred language', person.preferredLanguage ?? ''],
    ['Phone', person.phone ?? ''],
    ['Email', person.email ?? ''],
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        {person.photoDocumentId && (
          <img
            src={documentContentUrl(person.photoDocumentId)}
            alt={person.legalName}
            width={72}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 8 }}
          />
        )}
        <Title order={1}>{person.legalName}</Title>
        <Badge color="blue" variant="light" size="lg">
          {PERSON_STATUS_LABELS[person.status]}
        </Badge>
        {person.mailHold && (
          <Badge color="red" variant="filled" size="lg">
            Mail hold
          </Badge>
        )}
      </Group>
      {person.mailHold && (
        <Group gap="sm">
          <Text size="sm">
            No mail goes out: {person.mailHold.reason} (since {person.mailHold.since}).
          </Text>
          {person.viewer.canWrite && (
            <Button size="xs" variant="outline" color="red" onClick={onReleaseMailHold}>
              Release mail hold
            </Button>
          )}
        </Group>
      )}
      <dl
        aria-label="Identifiers and details"
        style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}
      >
        {person.identifiers.map((identifier) => (
          <div key={identifier.id} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{IDENTIFIER_LABELS[identifier.system]}</dt>
            <dd style={{ margin: 0 }} data-testid="person-identifier">
              {identifier.value}
              {identifier.issuer ? ` (${identifier.issuer})` : ''}
            </dd>
          </div>
        ))}
        {person.aliases.length > 0 && (
          <div style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>Also known as</dt>
            <dd style={{ margin: 0 }}>
              {person.aliases
                .map((alias) => `${alias.name} (${ALIAS_KIND_LABELS[alias.kind].toLowerCase()})`)
                .join('; ')}
            </dd>
          </div>
        )}
        {facts
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{term}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </div>
          ))}
        {person.mailingAddress && (
          <div style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>Mailing address</dt>
            <dd style={{ margin: 0, whiteSpace: 'pre-line' }}>{person.mailingAddress}</dd>
          </div>
        )}
      </dl>
      {person.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="person-notes">
          {person.notes}
        </Text>
      )}
    </Stack>
  );
}
