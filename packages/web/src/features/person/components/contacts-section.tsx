import { List, Text } from '@mantine/core';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { CONTACT_KIND_LABELS } from '../../contacts/contacts-search';
import { AnchorLink } from '../../people/anchor-link';
import { usePersonContacts } from '../api/list-person-contacts';

/** The contacts linked to the person, each with its relationship, linking to the contact's page. */
export function ContactsSection({ personId }: { personId: string }) {
  const contacts = usePersonContacts(personId);
  if (contacts.isPending) return <PageLoader label="Loading the contacts" />;
  if (contacts.isError) {
    return <QueryError error={contacts.error} what="the contacts" onRetry={() => void contacts.refetch()} />;
  }
  if (contacts.data.items.length === 0) return <Text>No contacts linked.</Text>;
  return (
    <List spacing={6} aria-label="Contacts linked to this person">
      {contacts.data.items.map(({ linkId, relationship, contact }) => {
        const about = [CONTACT_KIND_LABELS[contact.kind], contact.title, contact.organisation]
          .filter(Boolean)
          .join(', ');
        return (
          <List.Item key={linkId}>
            <AnchorLink to="/contacts/$contactId" params={{ contactId: contact.id }}>
              {contact.name}
            </AnchorLink>{' '}
            — {relationship} ({about})
            {(contact.phone || contact.email) && (
              <Text size="sm">
                {contact.phone}
                {contact.phone && contact.email ? ' · ' : ''}
                {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
