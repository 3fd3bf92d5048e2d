import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import type { IntakeDetail } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useRecordFirstResponse } from '../api/record-first-response';
import { MAX_SCAN_BYTES, useUploadIntakeDocument } from '../api/upload-intake-document';
import { ScanFileInput, scanFileProblem } from './scan-file-input';

const questionnaireUrl = (language: 'en' | 'es') => `/api/v1/letters/questionnaire?language=${language}`;

/** Scans uploaded here: the returned paper questionnaire, or another page of the letter. */
function UploadScanForm({ intake }: { intake: IntakeDetail }) {
  const upload = useUploadIntakeDocument();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'questionnaire_scan' | 'letter_scan'>('questionnaire_scan');
  const [language, setLanguage] = useState<'eng' | 'spa'>(intake.language === 'es' ? 'spa' : 'eng');
  const [problem, setProblem] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = scanFileProblem(file, MAX_SCAN_BYTES);
    setProblem(found);
    if (!file || found) return;
    upload.mutate(
      { intakeId: intake.id, file, kind, ocrLanguage: language },
      {
        onSuccess: () => {
          setFile(null);
          setFormKey(formKey + 1);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Upload a scan">
      <Stack gap="sm">
        <FormAlert error={upload.error} fields={['file', 'kind', 'ocrLanguage']} title="Could not upload the scan" />
        <ScanFileInput
          key={formKey}
          label="Scan or photo"
          description={`Image or PDF, up to ${Math.floor(MAX_SCAN_BYTES / (1024 * 1024))} MB`}
          error={problem ?? serverFieldErrors(upload.error).file}
          onChange={setFile}
        />
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="What it is"
            data={[
              { value: 'questionnaire_scan', label: 'Returned questionnaire' },
              { value: 'letter_scan', label: 'Letter (another page or letter)' },
            ]}
            value={kind}
            onChange={(event) =>
              setKind(event.currentTarget.value === 'letter_scan' ? 'letter_scan' : 'questionnaire_scan')
            }
          />
          <NativeSelect
            label="Written in"
            data={[
              { value: 'eng', label: 'English' },
              { value: 'spa', label: 'Spanish' },
            ]}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value === 'spa' ? 'spa' : 'eng')}
          />
          <Button type="submit" loading={upload.isPending}>
            Upload scan
          </Button>
        </Group>
        <Text size="sm" role="status">
          {upload.isSuccess ? 'Scan uploaded; its text is being read.' : ''}
        </Text>
      </Stack>
    </form>
  );
}

function FirstResponse({ intake }: { intake: IntakeDetail }) {
  const record = useRecordFirstResponse();
  const [respondedOn, setRespondedOn] = useState('');
  if (intake.firstResponseOn) {
    return <Text size="sm">First answer sent on {intake.firstResponseOn}.</Text>;
  }
  return (
    <form
      noValidate
      aria-label="Record the first response"
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate({ intakeId: intake.id, ...(respondedOn ? { respondedOn } : {}) });
      }}
    >
      <Stack gap="xs">
        <FormAlert error={record.error} fields={['respondedOn']} title="Could not record the first response" />
        <Group gap="sm" align="flex-end">
          <TextInput
            type="date"
            label="First answer sent on"
            description="Leave empty for today"
            value={respondedOn}
            onChange={(event) => setRespondedOn(event.currentTarget.value)}
            error={serverFieldErrors(record.error).respondedOn}
          />
          <Button type="submit" variant="default" loading={record.isPending}>
            Record first response
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The paper side: the questionnaire to mail, the returned one scanned back, and the first answer sent. */
export function PaperQuestionnairePanel({ intake }: { intake: IntakeDetail }) {
  return (
    <Stack component="section" gap="sm" aria-labelledby="intake-paper-heading">
      <Title order={2} id="intake-paper-heading" size="h3">
        Paper questionnaire and answers
      </Title>
      <Text size="sm">Print the questionnaire to mail to the applicant, then upload the scan when it comes back.</Text>
      <Group gap="md">
        <Anchor href={questionnaireUrl('en')} target="_blank" rel="noreferrer">
          Print questionnaire (English)
          <VisuallyHidden> (PDF, opens in a new tab)</VisuallyHidden>
        </Anchor>
        <Anchor href={questionnaireUrl('es')} target="_blank" rel="noreferrer">
          Print questionnaire (Spanish)
          <VisuallyHidden> (PDF, opens in a new tab)</VisuallyHidden>
        </Anchor>
      </Group>
      <UploadScanForm intake={intake} />
      <Title order={3} size="h5">
        First response
      </Title>
      <FirstResponse intake={intake} />
    </Stack>
  );
}
