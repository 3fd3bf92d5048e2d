import { Badge, Button, Checkbox, Group, Input, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { DOCUMENT_KINDS, type DocumentBody, type DocumentKindName, type OcrLanguage } from '@redress/core';
import { type FormEvent, useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import {
  documentContentUrl,
  useCorrectDocumentText,
  usePersonDocuments,
  useSetPersonPhoto,
  useUploadPersonDocument,
} from '../api/person-documents';

export const DOCUMENT_KIND_LABELS: Record<DocumentKindName, string> = {
  letter_scan: 'Letter (scan or photo)',
  questionnaire_scan: 'Returned questionnaire',
  photo: 'Photo of the person',
  template: 'Letter template',
  generated_letter: 'Letter sent',
  visit_record: 'Visit record',
  other: 'Other (order, grant, record)',
};

const UPLOAD_KINDS: DocumentKindName[] = DOCUMENT_KINDS.filter((k) => k !== 'template' && k !== 'generated_letter');

const OCR_LABELS: Record<DocumentBody['ocr']['state'], string> = {
  none: '',
  queued: 'Waiting to be read',
  running: 'Being read',
  done: 'Text read',
  failed: 'Could not be read',
};

const kilobytes = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

function UploadForm({ personId }: { personId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKindName>('letter_scan');
  const [isPrivileged, setPrivileged] = useState(false);
  const [language, setLanguage] = useState<OcrLanguage>('eng');
  const [fileError, setFileError] = useState<string | undefined>();
  const upload = useUploadPersonDocument(personId);
  const fileId = useId();
  const errors = serverFieldErrors(upload.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose a file: an image (PNG, JPEG, TIFF, WebP) or a PDF');
      return;
    }
    setFileError(undefined);
    upload.mutate(
      { file, kind, isPrivileged, ...(kind === 'photo' ? {} : { ocrLanguage: language }) },
      { onSuccess: () => setFile(null) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a document">
      <Stack gap="sm">
        <FormAlert
          error={upload.error}
          fields={['file', 'kind', 'isPrivileged', 'ocrLanguage']}
          title="Could not add the document"
        />
        <Group align="flex-end" gap="md">
          <Input.Wrapper id={fileId} label="File" error={fileError ?? errors.file} required>
            <input
              id={fileId}
              type="file"
              accept="image/png,image/jpeg,image/tiff,image/webp,application/pdf"
              aria-invalid={fileError || errors.file ? true : undefined}
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
              style={{ display: 'block', marginTop: 6 }}
            />
          </Input.Wrapper>
          <Select
            label="What it is"
            data={UPLOAD_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            value={kind}
            onChange={(value) => value && setKind(value as DocumentKindName)}
            allowDeselect={false}
            error={errors.kind}
          />
          {kind !== 'photo' && (
            <Select
              label="Read the text in"
              description="Images only"
              data={[
                { value: 'eng', label: 'English' },
                { value: 'spa', label: 'Spanish' },
              ]}
              value={language}
              onChange={(value) => value && setLanguage(value as OcrLanguage)}
              allowDeselect={false}
            />
          )}
          <Checkbox
            label="Privileged (legal team only)"
            checked={isPrivileged}
            onChange={(event) => setPrivileged(event.currentTarget.checked)}
          />
          <Button type="submit" loading={upload.isPending}>
            Add document
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DocumentText({ personId, document }: { personId: string; document: DocumentBody }) {
  const [draft, setDraft] = useState(document.text ?? '');
  const correct = useCorrectDocumentText(personId);
  const id = useId();
  return (
    <Stack gap={6}>
      <FormAlert error={correct.error} title="Could not save the text" />
      <Textarea
        id={id}
        label={`Text of ${document.fileName}`}
        description={
          document.correctedText
            ? 'Corrected by hand; the text read by OCR is kept beside it'
            : document.ocr.confidence !== null
              ? `Read by OCR, confidence ${Math.round(document.ocr.confidence)}%: correct it where it is wrong`
              : undefined
        }
        autosize
        minRows={3}
        maxRows={16}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <Group>
        <Button
          size="xs"
          variant="light"
          loading={correct.isPending}
          onClick={() => correct.mutate({ documentId: document.id, text: draft.trim() ? draft : null })}
        >
          Save text
        </Button>
      </Group>
    </Stack>
  );
}

/** The person's documents: scans and photos with the text read from them, a photo to show, uploads. */
export function DocumentsSection({
  personId,
  canWrite,
  photoDocumentId,
}: {
  personId: string;
  canWrite: boolean;
  photoDocumentId: string | null;
}) {
  const documents = usePersonDocuments(personId);
  const setPhoto = useSetPersonPhoto(personId);
  const [openText, setOpenText] = useState<string | null>(null);
  if (documents.isPending) return <PageLoader label="Loading the documents" />;
  if (documents.isError) {
    return <QueryError error={documents.error} what="the documents" onRetry={() => void documents.refetch()} />;
  }
  const items = documents.data.items;
  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Text>No documents yet.</Text>
      ) : (
        <Table striped aria-label="Documents of this person">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>What it is</Table.Th>
              <Table.Th>Added</Table.Th>
              <Table.Th>Text</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <a href={documentContentUrl(d.id)} target="_blank" rel="noreferrer">
                    {d.fileName}
                  </a>{' '}
                  <Text span size="xs" c="dimmed">
                    {kilobytes(d.byteSize)}
                  </Text>
                  {d.isPrivileged && (
                    <Badge ml="xs" size="xs" color="grape" variant="light">
                      Privileged
                    </Badge>
                  )}
                  {d.id === photoDocumentId && (
                    <Badge ml="xs" size="xs" variant="light">
                      Photo shown
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{DOCUMENT_KIND_LABELS[d.kind]}</Table.Td>
                <Table.Td>
                  {d.createdAt.slice(0, 10)}
                  {d.uploadedBy ? `, ${d.uploadedBy.name}` : ''}
                </Table.Td>
                <Table.Td>
                  {d.ocr.state !== 'none' && (
                    <Badge
                      size="sm"
                      variant="light"
                      color={d.ocr.state === 'done' ? 'teal' : d.ocr.state === 'failed' ? 'red' : 'blue'}
                    >
                      {OCR_LABELS[d.ocr.state]}
                    </Badge>
                  )}
                  {d.ocr.state === 'failed' && d.ocr.error && <Text size="xs">{d.ocr.error}</Text>}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {(d.text !== null || canWrite) && d.ocr.state !== 'queued' && d.ocr.state !== 'running' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-expanded={openText === d.id}
                        onClick={() => setOpenText(openText === d.id ? null : d.id)}
                      >
                        {openText === d.id ? 'Hide text' : 'Text'}
                      </Button>
                    )}
                    {canWrite && d.mediaType.startsWith('image/') && d.id !== photoDocumentId && (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={setPhoto.isPending}
                        onClick={() => setPhoto.mutate(d.id)}
                      >
                        Use as photo
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {openText && items.some((d) => d.id === openText) && (
        <DocumentText
          key={openText}
          personId={personId}
          document={items.find((d) => d.id === openText) as DocumentBody}
        />
      )}
      {canWrite && <UploadForm personId={personId} />}
    </Stack>
  );
}
