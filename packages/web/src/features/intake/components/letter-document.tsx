import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { DocumentBody, OcrLanguage } from '@redress/core';
import { type SyntheticEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useCorrectDocumentText } from '../api/correct-document-text';
import { isOcrActive } from '../api/get-intake';
import { useRerunDocumentOcr } from '../api/rerun-document-ocr';
import { intakeDocumentContentUrl } from '../api/upload-intake-document';
import { COPYABLE_FIELDS } from '../questionnaire-fields';

const KIND_LABELS: Partial<Record<DocumentBody['kind'], string>> = {
  letter_scan: 'Letter',
  questionnaire_scan: 'Returned questionnaire',
  photo: 'Photo',
};

const OCR_LANGUAGE_OPTIONS = [
  { value: 'eng', label: 'English' },
  { value: 'spa', label: 'Spanish' },
];

const isImage = (document: DocumentBody) => document.mediaType.startsWith('image/');

function OcrState({
  document,
  onRerun,
  isRerunning,
}: {
  document: DocumentBody;
  onRerun: (language: OcrLanguage) => void;
  isRerunning: boolean;
}) {
  const [language, setLanguage] = useState<OcrLanguage>(document.ocr.language ?? 'eng');
  const { state, confidence, error } = document.ocr;
  if (isOcrActive(document)) {
    return (
      <Stack gap={4} data-testid="ocr-state" data-state={state}>
        <Progress value={100} animated striped size="md" aria-label="Reading the text of the letter" />
        <Text size="sm" role="status">
          {state === 'queued' ? 'Waiting to read the text…' : 'Reading the text…'} This page updates by itself.
        </Text>
      </Stack>
    );
  }
  const rerun = (
    <Group gap="xs" align="flex-end">
      <NativeSelect
        label="Read in"
        size="xs"
        data={OCR_LANGUAGE_OPTIONS}
        value={language}
        onChange={(event) => setLanguage(event.currentTarget.value === 'spa' ? 'spa' : 'eng')}
      />
      <Button size="xs" variant="outline" onClick={() => onRerun(language)} loading={isRerunning}>
        Read the text again
      </Button>
    </Group>
  );
  if (state === 'failed') {
    return (
      <Alert color="red" title="The text could not be read" role="alert" data-testid="ocr-state" data-state={state}>
        <Stack gap="xs">
          <Text size="sm">{error ?? 'The reader stopped.'} You can type the text below, or read it again.</Text>
          {rerun}
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap={6} data-testid="ocr-state" data-state={state}>
      <Text size="sm" role="status">
        {state === 'done'
          ? `Text read${confidence !== null ? ` with ${Math.round(confidence)}% confidence` : ''}${
              document.ocr.language ? ` (${document.ocr.language === 'spa' ? 'Spanish' : 'English'})` : ''
            }.`
          : 'The text of this document has not been read.'}
        {document.correctedText !== null ? ' A person has corrected it.' : ''}
      </Text>
      {rerun}
    </Stack>
  );
}

type LetterDocumentProps = {
  intakeId: string;
  document: DocumentBody;
  /** Copy a passage of the text into a questionnaire field. */
  onCopy: (path: string, text: string) => void;
};

/** One scan: the image (or a link to the PDF), the state of its OCR, and its text to correct. */
export function LetterDocument({ intakeId, document, onCopy }: LetterDocumentProps) {
  const contentUrl = intakeDocumentContentUrl(intakeId, document.id);
  const correction = useCorrectDocumentText();
  const rerun = useRerunDocumentOcr();
  const [text, setText] = useState(document.text ?? '');
  const [selection, setSelection] = useState('');
  const [target, setTarget] = useState(COPYABLE_FIELDS[0]?.value ?? '');
  const kind = KIND_LABELS[document.kind] ?? 'Document';
  const headingId = `document-${document.id}-heading`;
  const isChanged = text !== (document.text ?? '');

  const captureSelection = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    const { selectionStart, selectionEnd, value } = event.currentTarget;
    setSelection(value.slice(selectionStart, selectionEnd));
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId} data-testid="intake-document">
      <Group justify="space-between" align="baseline">
        <Title order={3} id={headingId} size="h4">
          {kind}: {document.fileName}
        </Title>
        <Badge variant="light" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}>
          {formatDateTime(document.createdAt)}
        </Badge>
      </Group>
      {isImage(document) ? (
        <a
          href={contentUrl}
          target="_blank"
          rel="noreferrer"
          aria-label={`Open the scan of ${document.fileName} in a new tab`}
        >
          <img
            src={contentUrl}
            alt={`Scan of the ${kind.toLowerCase()} ${document.fileName}`}
            style={{
              maxWidth: '100%',
              maxHeight: 640,
              border: '1px solid var(--mantine-color-gray-4)',
              display: 'block',
            }}
          />
        </a>
      ) : (
        <Anchor href={contentUrl} target="_blank" rel="noreferrer">
          Open {document.fileName} ({document.pageCount ?? '?'} {document.pageCount === 1 ? 'page' : 'pages'}, opens in
          a new tab)
        </Anchor>
      )}
      <OcrState
        key={`${document.ocr.state}:${document.ocr.language}`}
        document={document}
        isRerunning={rerun.isPending}
        onRerun={(language) => rerun.mutate({ intakeId, documentId: document.id, language })}
      />
      <FormAlert error={rerun.error} title="Could not read the text again" />
      {!isOcrActive(document) && (
        <Stack gap="xs">
          <FormAlert error={correction.error} fields={['text']} title="Could not save the text" />
          <Textarea
            label={`Text of the ${kind.toLowerCase()}`}
            description="Correct what the reader got wrong; your reading is what search and the team see."
            autosize
            minRows={6}
            maxRows={24}
            maxLength={200_000}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onSelect={captureSelection}
            error={serverFieldErrors(correction.error).text}
            styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
          />
          <Group gap="xs">
            <Button
              size="sm"
              disabled={!isChanged}
              loading={correction.isPending}
              onClick={() => correction.mutate({ intakeId, documentId: document.id, text })}
            >
              Save text
            </Button>
            {document.correctedText !== null && (
              <Button
                size="sm"
                variant="default"
                loading={correction.isPending}
                onClick={() => correction.mutate({ intakeId, documentId: document.id, text: null })}
              >
                Go back to the OCR text
              </Button>
            )}
            <Text size="sm" role="status">
              {correction.isSuccess && !isChanged ? 'Text saved.' : ''}
            </Text>
          </Group>
          <Group gap="xs" align="flex-end">
            <NativeSelect
              label="Copy the selected text to"
              size="sm"
              data={COPYABLE_FIELDS}
              value={target}
              onChange={(event) => setTarget(event.currentTarget.value)}
            />
            <Button size="sm" variant="outline" disabled={!selection.trim()} onClick={() => onCopy(target, selection)}>
              Copy selection
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
