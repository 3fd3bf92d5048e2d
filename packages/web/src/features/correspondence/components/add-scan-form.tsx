import { Button, Group, Input, Stack, Text } from '@mantine/core';
import type { CorrespondenceBody } from '@redress/core';
import { type FormEvent, useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useUploadCorrespondenceScan } from '../api/upload-correspondence-scan';

export const SCAN_ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.webp,application/pdf,image/png,image/jpeg,image/tiff,image/webp';

type AddScanFormProps = { letter: CorrespondenceBody; onDone: () => void; onCancel: () => void };

/** The scan or phone photo of a paper letter already logged. */
export function AddScanForm({ letter, onDone, onCancel }: AddScanFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const mutation = useUploadCorrespondenceScan();
  const fileId = useId();
  const error = fileError ?? serverFieldErrors(mutation.error).file;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the scan or photo of the letter');
      return;
    }
    setFileError(undefined);
    if (!letter.personId) return;
    mutation.mutate({ id: letter.id, personId: letter.personId, file }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a scan">
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={['file']} title="Could not upload the scan" />
        <Text size="sm">{letter.summary}</Text>
        <Input.Wrapper id={fileId} label="Scan or photo" description="A PDF or an image" error={error} required>
          <input
            id={fileId}
            type="file"
            accept={SCAN_ACCEPT}
            aria-describedby={`${fileId}-description${error ? ` ${fileId}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', marginTop: 6 }}
          />
        </Input.Wrapper>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Upload scan
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
