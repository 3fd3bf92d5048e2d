import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { ConflictCheckStep } from '../../conflicts/components/conflict-check-step';
import { AddPersonForm } from './add-person-form';
import { type CreatedPerson, PersonCreated } from './person-created';

type Step = { name: 'check' } | { name: 'form'; legalName: string } | { name: 'created'; created: CreatedPerson };

/** Adding a person: a conflict check on the name first, then the record, then possible duplicates. */
export function AddPersonDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'check' });
  return (
    <AppDialog title="Add person" onClose={onClose} size="lg">
      {step.name === 'check' && (
        <ConflictCheckStep
          subjectKind="person"
          nameLabel="Legal name"
          onCleared={(legalName) => setStep({ name: 'form', legalName })}
          onCancel={onClose}
        />
      )}
      {step.name === 'form' && (
        <AddPersonForm
          initialName={step.legalName}
          onCreated={(created) => setStep({ name: 'created', created })}
          onCancel={onClose}
        />
      )}
      {step.name === 'created' && (
        <PersonCreated created={step.created} onAddAnother={() => setStep({ name: 'check' })} onClose={onClose} />
      )}
    </AppDialog>
  );
}
