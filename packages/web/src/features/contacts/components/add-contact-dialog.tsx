import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { ConflictCheckStep } from '../../conflicts/components/conflict-check-step';
import { AddContactForm } from './add-contact-form';

/** Adding a contact: a conflict check on the name first, then the contact. */
export function AddContactDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState<string | null>(null);
  return (
    <AppDialog title="Add contact" onClose={onClose} size="lg">
      {name === null ? (
        <ConflictCheckStep subjectKind="contact" nameLabel="Name" onCleared={setName} onCancel={onClose} />
      ) : (
        <AddContactForm
          initialName={name}
          onCancel={onClose}
          onCreated={(contact) => {
            notifications.show({ message: `Added ${contact.name}.` });
            onClose();
          }}
        />
      )}
    </AppDialog>
  );
}
