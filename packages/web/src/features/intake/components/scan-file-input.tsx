import { Input } from '@mantine/core';
import { useId } from 'react';
import { SCAN_ACCEPT } from '../api/upload-intake-document';

type ScanFileInputProps = {
  label: string;
  description: string;
  error: string | undefined;
  onChange: (file: File | null) => void;
  isRequired?: boolean;
};

/** A plain file input (keyboard and screen-reader friendly) for a scan or a phone photo. */
export function ScanFileInput({ label, description, error, onChange, isRequired = true }: ScanFileInputProps) {
  const id = useId();
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error} required={isRequired}>
      <input
        id={id}
        type="file"
        accept={SCAN_ACCEPT}
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)}
        style={{ display: 'block', marginTop: 6 }}
      />
    </Input.Wrapper>
  );
}

/** A check before sending: the server judges the bytes, this only spares a pointless upload. */
export const scanFileProblem = (file: File | null, maxBytes: number): string | undefined => {
  if (!file) return 'Choose the scan or photo';
  if (file.size > maxBytes) return `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`;
  if (file.size === 0) return 'The file is empty';
  return undefined;
};
