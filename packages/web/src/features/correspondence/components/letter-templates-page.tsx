import { Alert, Button, Code, Group, Input, List, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { LetterLanguage, LetterTemplateBody, LetterTemplateKey } from '@redress/core';
import { type FormEvent, useId, useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import {
  useDownloadLetterTemplate,
  useResetLetterTemplate,
  useUploadLetterTemplate,
} from '../api/letter-template-file';
import { useLetterTemplates } from '../api/list-letter-templates';
import { saveFile } from '../api/raw-request';
import { LANGUAGE_LABELS } from '../letter-fields';
import { ToneBadge } from './tone-badge';

type Target = { key: LetterTemplateKey; language: LetterLanguage; title: string };

const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function UploadTemplateForm({
  target,
  onDone,
  onCancel,
}: {
  target: Target;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const mutation = useUploadLetterTemplate();
  const fileId = useId();
  const serverErrors = serverFieldErrors(mutation.error);
  const unknown =
    isApiError(mutation.error) && mutation.error.code === 'letter.unknown_field' ? serverErrors.fields : undefined;
  const error =
    fileError ??
    serverErrors.file ??
    (unknown
      ? `Unknown merge field: ${unknown
          .split(', ')
          .map((name) => `{${name}}`)
          .join(', ')}`
      : undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the edited Word (.docx) file');
      return;
    }
    setFileError(undefined);
    mutation.mutate({ key: target.key, language: target.language, file }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Upload an edited template">
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={['file', 'fields']} title="The template was not accepted" />
        <Text size="sm">
          Replaces the {LANGUAGE_LABELS[target.language] ?? target.language} template of “{target.title}”. Merge fields
          are written in braces, like <Code>{'{person_name}'}</Code>; a field Redress does not know is refused with its
          name.
        </Text>
        <Input.Wrapper id={fileId} label="Edited template (.docx)" error={error} required>
          <input
            id={fileId}
            type="file"
            accept={DOCX_ACCEPT}
            aria-describedby={error ? `${fileId}-error` : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', marginTop: 6 }}
          />
        </Input.Wrapper>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Upload template
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FieldList({ template }: { template: LetterTemplateBody }) {
  return (
    <details>
      <summary>Merge fields ({template.fields.length})</summary>
      <List size="sm" spacing={2} mt="xs">
        {template.fields.map((field) => (
          <List.Item key={field.name}>
            <Code>{`{${field.name}}`}</Code> {field.description}
          </List.Item>
        ))}
      </List>
    </details>
  );
}

/** Administrators keep the Word templates letters are written from: download, edit in Word, upload, or reset. */
export function LetterTemplatesPage() {
  usePageTitle('Letter templates');
  const templates = useLetterTemplates();
  const download = useDownloadLetterTemplate();
  const reset = useResetLetterTemplate();
  const [uploading, setUploading] = useState<Target | null>(null);
  const [resetting, setResetting] = useState<Target | null>(null);

  const fetchDocx = (target: Target) =>
    download.mutate(target, { onSuccess: (file) => saveFile(file, `${target.key}-${target.language}.docx`) });

  return (
    <Stack gap="xl">
      <Title order={1}>Letter templates</Title>
      <Text>
        Letters are written from these Word templates. Download one, edit it in Word keeping the merge fields in braces,
        and upload it; reset it to go back to the template Redress ships.
      </Text>
      <FormAlert error={download.error} title="Could not download the template" />
      {templates.isPending && <PageLoader label="Loading the letter templates" />}
      {templates.isError && (
        <QueryError error={templates.error} what="the letter templates" onRetry={() => void templates.refetch()} />
      )}
      {templates.isSuccess && (
        <TableRegion label="Letter templates">
          <Table verticalSpacing="sm" data-testid="letter-templates">
            <Table.Caption>Letter templates by language</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Template</Table.Th>
                <Table.Th scope="col">Language</Table.Th>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.flatMap((template) =>
                template.languages.map((version, index) => {
                  const target: Target = { key: template.key, language: version.language, title: template.title };
                  const name = `${template.title}, ${LANGUAGE_LABELS[version.language] ?? version.language}`;
                  return (
                    <Table.Tr
                      key={`${template.key}:${version.language}`}
                      data-testid="letter-template-row"
                      data-key={template.key}
                      data-language={version.language}
                    >
                      {index === 0 && (
                        <Table.Th scope="rowgroup" rowSpan={template.languages.length} style={{ verticalAlign: 'top' }}>
                          <Stack gap={4}>
                            <Text fw={600}>{template.title}</Text>
                            <FieldList template={template} />
                          </Stack>
                        </Table.Th>
                      )}
                      <Table.Td>{LANGUAGE_LABELS[version.language] ?? version.language}</Table.Td>
                      <Table.Td>
                        {version.isCustomised ? (
                          <Stack gap={2}>
                            <ToneBadge tone="info">Edited</ToneBadge>
                            {version.updatedAt && <Text size="xs">{formatDateTime(version.updatedAt)}</Text>}
                          </Stack>
                        ) : (
                          <ToneBadge tone="neutral">Default</ToneBadge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={`Download ${name}`}
                            loading={
                              download.isPending &&
                              download.variables?.key === template.key &&
                              download.variables.language === version.language
                            }
                            onClick={() => fetchDocx(target)}
                          >
                            Download
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={`Upload ${name}`}
                            onClick={() => setUploading(target)}
                          >
                            Upload
                          </Button>
                          {version.isCustomised && (
                            <Button
                              size="compact-sm"
                              variant="outline"
                              color="red"
                              aria-label={`Reset ${name} to the default`}
                              onClick={() => setResetting(target)}
                            >
                              Reset to default
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                }),
              )}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}

      {uploading && (
        <AppDialog title="Upload an edited template" onClose={() => setUploading(null)}>
          <UploadTemplateForm
            target={uploading}
            onCancel={() => setUploading(null)}
            onDone={() => {
              setUploading(null);
              notifications.show({ message: 'Template uploaded.' });
            }}
          />
        </AppDialog>
      )}
      {resetting && (
        <AppDialog title="Reset to the default template" onClose={() => setResetting(null)}>
          <Stack gap="md">
            <FormAlert error={reset.error} title="Could not reset the template" />
            <Alert color="red">
              <Text size="sm">
                The edited {LANGUAGE_LABELS[resetting.language] ?? resetting.language} template of “{resetting.title}”
                is removed, and letters are written from the default again.
              </Text>
            </Alert>
            <Group>
              <Button
                color="red"
                loading={reset.isPending}
                onClick={() =>
                  reset.mutate(resetting, {
                    onSuccess: () => {
                      setResetting(null);
                      notifications.show({ message: 'Template reset to the default.' });
                    },
                  })
                }
              >
                Reset template
              </Button>
              <Button variant="default" onClick={() => setResetting(null)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </AppDialog>
      )}
    </Stack>
  );
}
