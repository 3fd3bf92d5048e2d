import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FacilityView } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { useSession } from '../../session/session-context';
import { useFacility } from '../api/get-facility';
import { JURISDICTION_LABELS, kindLabel, mailingLines } from '../facilities-search';
import { EditFacilityForm } from './edit-facility-form';

const routeApi = getRouteApi('/signed-in/facilities/$facilityId');

export function FacilityPage() {
  const { facilityId } = routeApi.useParams();
  const facility = useFacility(facilityId);
  const session = useSession();
  const [isEditing, setIsEditing] = useState(false);
  usePageTitle(facility.data?.name ?? 'Facility');

  if (facility.isPending) return <PageLoader label="Loading the facility" />;
  if (facility.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Facility</Title>
        <QueryError error={facility.error} what="this facility" onRetry={() => void facility.refetch()} />
      </Stack>
    );
  }
  const f = facility.data;
  const isAdministrator = session.user.role === 'administrator';
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{f.name}</Title>
          <Group gap="xs">
            <Text c="dimmed">
              {[f.code, JURISDICTION_LABELS[f.jurisdiction], kindLabel(f.kind)].filter(Boolean).join(' · ')}
            </Text>
            {!f.isActive && <Badge color="gray">Closed</Badge>}
            {f.isVerified ? <Badge color="green">Verified</Badge> : <Badge color="yellow">Not verified</Badge>}
          </Group>
        </Stack>
        {isAdministrator && !isEditing && <Button onClick={() => setIsEditing(true)}>Edit facility</Button>}
      </Group>
      {isEditing ? (
        <EditFacilityForm facility={f} onDone={() => setIsEditing(false)} />
      ) : (
        <FacilityDetails facility={f} />
      )}
      <AnchorLink to="/facilities">All facilities</AnchorLink>
    </Stack>
  );
}

function AddressBlock({ lines }: { lines: readonly string[] }) {
  return (
    <Text component="address" style={{ fontStyle: 'normal', whiteSpace: 'pre-line' }}>
      {lines.join('\n')}
    </Text>
  );
}

function FacilityDetails({ facility: f }: { facility: FacilityView }) {
  const mail = mailingLines(f);
  const street = f.streetAddress
    ? [f.streetAddress, [f.city, [f.state, f.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')]
    : null;
  return (
    <Stack gap="lg">
      {!f.isVerified && (
        <Alert color="yellow" title="Check before mailing">
          This entry has not been checked against the department's published address. Confirm it before relying on it.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack component="section" gap="xs" aria-labelledby="facility-mail-heading">
          <Title order={2} size="h3" id="facility-mail-heading">
            Mail for incarcerated people
          </Title>
          {mail ? <AddressBlock lines={mail} /> : <Text>No single mailing address on record.</Text>}
          {f.mailNote && <Text size="sm">{f.mailNote}</Text>}
        </Stack>
        <Stack component="section" gap="xs" aria-labelledby="facility-street-heading">
          <Title order={2} size="h3" id="facility-street-heading">
            Street address
          </Title>
          {street ? <AddressBlock lines={street} /> : <Text>Not on record.</Text>}
          {f.phone && <Text size="sm">Phone: {f.phone}</Text>}
          {f.securityLevel && <Text size="sm">Security level: {f.securityLevel}</Text>}
        </Stack>
      </SimpleGrid>
      <Stack component="section" gap="xs" aria-labelledby="facility-visiting-heading">
        <Title order={2} size="h3" id="facility-visiting-heading">
          Visiting
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{f.visitingInfo ?? 'No visiting information on record.'}</Text>
      </Stack>
      {f.source && (
        <Text size="sm" c="dimmed">
          Source: {f.source}
          {f.isEdited ? ' (edited by an administrator)' : ''}
        </Text>
      )}
    </Stack>
  );
}
