import { Button, Group, Input, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from '@redress/core';
import { type FormEvent, useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { isOneOf } from '../../people/labels';
import { useDryRunImport } from '../api/dry-run-import';
import { useImport } from '../api/get-import';
import { useRunImport } from '../api/run-import';
import { useSetImportMapping } from '../api/set-import-mapping';
import { useUploadImport } from '../api/upload-import';
import { ImportReport } from './import-report';
import { type ImportStepName, ImportSteps } from './import-steps';
import { type Mapping, MappingStep, type PreviewRow } from './mapping-step';

const KIND_LABELS: Record<ImportKind, string> = { people: 'People', matters: 'Matters', contacts: 'Contacts' };
const LIST_PATHS = { people: '/people', matters: '/matters', contacts: '/contacts' } as const;
const POLL_MS = 750;

type Staged = {
  id: string;
  kind: ImportKind;
  filename: string;
  header: string[];
  preview: PreviewRow[];
  rowCount: number;
  parseErrors: { line: number; message: string }[];
};

/** Upload -> map -> dry run -> import (with progress) -> summary. */
export function ImportPage() {
  usePageTitle('Import');
  const [staged, setStaged] = useState<Staged | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [step, setStep] = useState<ImportStepName>('Upload');
  const restart = () => {
    setStaged(null);
    setMapping({});
    setStep('Upload');
  };

  return (
    <Stack gap="lg">
      <Title order={1}>Import from a spreadsheet</Title>
      <ImportSteps current={step} />
      {step === 'Upload' && (
        <UploadStep
          onUploaded={(uploaded, suggested) => {
            setStaged(uploaded);
            setMapping(suggested);
            setStep('Map columns');
          }}
        />
      )}
      {staged && step !== 'Upload' && (
        <StagedImport
          staged={staged}
          mapping={mapping}
          onMappingChange={setMapping}
          step={step}
          onStep={setStep}
          onRestart={restart}
        />
      )}
    </Stack>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (staged: Staged, suggested: Mapping) => void }) {
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string | undefined>();
  const mutation = useUploadImport();
  const errors = serverFieldErrors(mutation.error);
  const fileId = useId();
  const fileError = clientError ?? errors.file ?? errors.filename;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setClientError('Choose a CSV or XLSX file');
      return;
    }
    setClientError(undefined);
    mutation.mutate(
      { kind, file },
      {
        onSuccess: (uploaded) =>
          onUploaded(
            {
              id: uploaded.id,
              kind: uploaded.kind,
              filename: uploaded.filename,
              header: uploaded.header,
              preview: uploaded.preview,
              rowCount: uploaded.rowCount,
              parseErrors: uploaded.parseErrors,
            },
            uploaded.suggestedMapping,
          ),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <FormAlert error={mutation.error} fields={['kind', 'filename', 'file']} title="Could not read the file" />
        <NativeSelect
          label="What the rows are"
          data={IMPORT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
          value={kind}
          onChange={(event) => {
            const { value } = event.currentTarget;
            if (isOneOf(IMPORT_KINDS, value)) setKind(value);
          }}
          error={errors.kind}
        />
        <Input.Wrapper
          id={fileId}
          label="Spreadsheet file"
          description="CSV or XLSX, at most 50 MB. A column with a stable external id lets you import the file again to update."
          error={fileError}
          required
        >
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-description${fileError ? ` ${fileId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', marginTop: 6 }}
          />
        </Input.Wrapper>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Upload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type StagedImportProps = {
  staged: Staged;
  mapping: Mapping;
  onMappingChange: (mapping: Mapping) => void;
  step: ImportStepName;
  onStep: (step: ImportStepName) => void;
  onRestart: () => void;
};

function StagedImport({ staged, mapping, onMappingChange, step, onStep, onRestart }: StagedImportProps) {
  const mappingMutation = useSetImportMapping();
  const dryRunMutation = useDryRunImport();
  const runMutation = useRunImport();
  const isRunning = step === 'Import';
  const view = useImport(staged.id, isRunning ? POLL_MS : false);
  const labels = new Map(IMPORT_FIELDS[staged.kind].map((field) => [field.name as string, field.label]));
  const fieldLabel = (field: string) => labels.get(field) ?? field;

  const checkMapping = () => {
    dryRunMutation.reset();
    mappingMutation.mutate(
      { importId: staged.id, mapping },
      {
        onSuccess: () =>
          dryRunMutation.mutate(staged.id, {
            onSuccess: () => onStep('Dry run'),
          }),
      },
    );
  };

  const startImport = () => {
    onStep('Import');
    runMutation.mutate(staged.id, { onSettled: () => onStep('Summary') });
  };

  if (step === 'Map columns') {
    return (
      <Stack gap="md">
        <Title order={2}>Map the columns of {staged.filename}</Title>
        <MappingStep
          kind={staged.kind}
          header={staged.header}
          preview={staged.preview}
          rowCount={staged.rowCount}
          parseErrors={staged.parseErrors}
          mapping={mapping}
          onChange={onMappingChange}
          onSubmit={checkMapping}
          onRestart={onRestart}
          isPending={mappingMutation.isPending || dryRunMutation.isPending}
          error={mappingMutation.error ?? dryRunMutation.error}
        />
      </Stack>
    );
  }

  if (step === 'Dry run' && dryRunMutation.data) {
    const report = dryRunMutation.data;
    const toWrite = report.created + report.updated;
    return (
      <Stack gap="md">
        <Title order={2}>Dry run: what the import would do</Title>
        <Text>Nothing has been written yet.</Text>
        <ImportReport report={report} isDryRun fieldLabel={fieldLabel} />
        <Group>
          <Button onClick={startImport} disabled={toWrite === 0 && report.unchanged === 0}>
            Import {toWrite} {toWrite === 1 ? 'row' : 'rows'}
          </Button>
          <Button variant="default" onClick={() => onStep('Map columns')}>
            Back to the mapping
          </Button>
        </Group>
      </Stack>
    );
  }

  if (step === 'Import') {
    const progress = view.data?.progress ?? { rowsDone: 0, rowsTotal: staged.rowCount };
    const total = Math.max(progress.rowsTotal, 1);
    const percent = Math.min(100, Math.round((progress.rowsDone / total) * 100));
    return (
      <Stack gap="md">
        <Title order={2}>Importing {staged.filename}</Title>
        <Progress value={percent} size="xl" aria-label="Import progress" animated striped />
        <Text role="status">
          {progress.rowsDone} of {progress.rowsTotal} rows done ({percent}%).
        </Text>
      </Stack>
    );
  }

  // Summary: the run's answer, or (if the request failed part-way) what the server recorded.
  const result = runMutation.data ?? view.data;
  const report = result?.report ?? null;
  return (
    <Stack gap="md">
      <Title order={2}>Import summary</Title>
      <FormAlert error={runMutation.error} title="The import stopped" />
      {runMutation.error ? (
        <Text>Rows already written are kept. Run it again to continue where it stopped.</Text>
      ) : null}
      {report ? (
        <ImportReport report={report} isDryRun={false} fieldLabel={fieldLabel} />
      ) : (
        <Text>No report is available.</Text>
      )}
      <Group>
        {runMutation.error ? (
          <Button onClick={startImport}>Run the import again</Button>
        ) : (
          <AnchorLink to={LIST_PATHS[staged.kind]}>Go to {KIND_LABELS[staged.kind].toLowerCase()}</AnchorLink>
        )}
        <Button variant="default" onClick={onRestart}>
          Import another file
        </Button>
      </Group>
    </Stack>
  );
}
