import { List, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { useContact } from '../api/get-contact';
import { CONTACT_KIND_LABELS } from '../contacts-search';

const routeApi = getRouteApi('/signed-in/contacts/$contactId');

export function ContactPage() {
  const { contactId } = routeApi.useParams();
  const contact = useContact(contactId);
  usePageTitle(contact.data?.name ?? 'Contact');

  if (contact.isPending) return <PageLoader label="Loading the contact" />;
  if (contact.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Contact</Title>
        <QueryError error={contact.error} what="this contact" onRetry={() => void contact.refetch()} />
      </Stack>
    );
  }
  const c = contact.data;
  const facts: [string, string | null][] = [
    ['Kind', CONTACT_KIND_LABELS[c.kind]],
    ['Organisation', c.organisation],
    ['Job title', c.title],
    ['Email', c.email],
    ['Phone', c.phone],
  ];
  return (
    <Stack gap="lg">
      <Title order={1}>{c.name}</Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}>
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{term}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </div>
          ))}
        {c.address && (
          <div style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>Address</dt>
            <dd style={{ margin: 0, whiteSpace: 'pre-line' }}>{c.address}</dd>
          </div>
        )}
      </dl>
      {c.notes && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Text>}
      <Stack component="section" gap="xs" aria-labelledby="contact-links-heading">
        <Title order={2} id="contact-links-heading">
          Linked people and matters
        </Title>
        {c.links.length === 0 ? (
          <Text>Not linked to anyone you can see.</Text>
        ) : (
          <List spacing={4}>
            {c.links.map((link) => (
              <List.Item key={link.id}>
                {link.person && (
                  <AnchorLink to="/people/$personId" params={{ personId: link.person.id }}>
                    {link.person.name}
                  </AnchorLink>
                )}
                {link.matter && (
                  <AnchorLink to="/matters/$matterId" params={{ matterId: link.matter.id }}>
                    {link.matter.title}
                  </AnchorLink>
                )}{' '}
                — {link.relationship}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <AnchorLink to="/contacts">All contacts</AnchorLink>
    </Stack>
  );
}
