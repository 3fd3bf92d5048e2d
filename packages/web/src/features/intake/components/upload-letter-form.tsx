import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { serverFieldErrors } from '../../../lib/form-errors';
import { pathErrors } from '../../people/detail-errors';
import { useCreateIntake } from '../api/create-intake';
import { MAX_SCAN_BYTES, useUploadIntakeDocument } from '../api/upload-intake-document';
import { PathFormAlert } from './path-form-alert';
import { ScanFileInput, scanFileProblem } from './scan-file-input';

const LETTER_LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish' },
];

/**
 * A mailed letter in one step: the intake is created, the scan uploaded to it, and its page opened
 * while the text is read in the background.
 */
export function UploadLetterForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const creation = useCreateIntake();
  const upload = useUploadIntakeDocument();
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState<'en' | 'es'>('en');
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const created = pathErrors(creation.error);
  const uploaded = serverFieldErrors(upload.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = scanFileProblem(file, MAX_SCAN_BYTES);
    setClientErrors(problem ? { file: problem } : {});
    if (!file || problem) return;
    upload.reset();
    creation.mutate(
      {
        channel: 'mailed_letter',
        questionnaire: { background: { language, ...(name.trim() ? { name: name.trim() } : {}) } },
      },
      {
        onSuccess: (intake) =>
          upload.mutate(
            { intakeId: intake.id, file, kind: 'letter_scan', ocrLanguage: language === 'es' ? 'spa' : 'eng' },
            {
              onSuccess: () => void navigate({ to: '/intake/$intakeId', params: { intakeId: intake.id } }),
              onError: () => {
                notifications.show({
                  color: 'red',
                  message: `Intake ${intake.reference} was created, but the scan did not upload. Upload it again from the intake.`,
                });
                void navigate({ to: '/intake/$intakeId', params: { intakeId: intake.id } });
              },
            },
          ),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Upload a letter">
      <Stack gap="md">
        <PathFormAlert
          error={creation.error}
          paths={['questionnaire.background.name']}
          title="Could not create the intake"
        />
        <Text size="sm">
          A scan or a phone photo of the letter (PNG, JPEG, TIFF, WebP or PDF, up to{' '}
          {Math.floor(MAX_SCAN_BYTES / (1024 * 1024))} MB). Its text is read in the background; you can correct it on
          the intake page.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ScanFileInput
            label="Letter scan"
            description="Image or PDF"
            error={clientErrors.file ?? uploaded.file}
            onChange={setFile}
          />
          <NativeSelect
            label="Language of the letter"
            description="The text is read in this language"
            data={LETTER_LANGUAGES}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value === 'es' ? 'es' : 'en')}
          />
          <TextInput
            label="Applicant name"
            description="Optional: you can fill it in from the letter"
            maxLength={200}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={created['questionnaire.background.name']}
          />
        </SimpleGrid>
        {upload.isPending && (
          <Alert color="blue" role="status">
            Uploading the scan…
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={creation.isPending || upload.isPending}>
            Upload and create intake
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
