import { Alert, Button, Group, List, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IMPORT_FIELDS, type ImportKind } from '@redress/core';
import type { FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { TableRegion } from '../../../components/table-region';
import { pathErrors } from '../../people/detail-errors';

export type Mapping = Record<string, string | null>;
export type PreviewRow = { line: number; cells: string[] };

type MappingStepProps = {
  kind: ImportKind;
  header: readonly string[];
  preview: readonly PreviewRow[];
  rowCount: number;
  parseErrors: readonly { line: number; message: string }[];
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  onSubmit: () => void;
  onRestart: () => void;
  isPending: boolean;
  error: unknown;
};

/** One select per column of the file, with the first rows shown so the user can tell what each holds. */
export function MappingStep(props: MappingStepProps) {
  const { kind, header, preview, rowCount, parseErrors, mapping, onChange, onSubmit, onRestart, isPending, error } =
    props;
  const fields = IMPORT_FIELDS[kind];
  const errors = pathErrors(error);
  const used = new Set(Object.values(mapping).filter((field): field is string => field !== null));
  const missing = fields.filter((field) => field.isRequired && !used.has(field.name));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>
          The file has {rowCount} {rowCount === 1 ? 'row' : 'rows'} and {header.length} columns. Choose the field each
          column fills, or leave it out.
        </Text>
        {parseErrors.length > 0 && (
          <Alert color="red" title="Rows the file itself garbles">
            <List size="sm">
              {parseErrors.slice(0, 20).map((parseError) => (
                <List.Item key={parseError.line}>
                  Line {parseError.line}: {parseError.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <FormAlert error={error} fields={['mapping', 'field']} title="The mapping does not fit the file" />
        <Text role="status" size="sm">
          {missing.length > 0
            ? `Still to map (required): ${missing.map((field) => field.label).join(', ')}.`
            : 'Every required field has a column.'}
        </Text>
        <TableRegion label="Column mapping">
          <Table verticalSpacing="xs">
            <Table.Caption>Columns of the file, with the first rows and the field each fills</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">First values</Table.Th>
                <Table.Th scope="col">Field</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {header.map((column, index) => (
                <Table.Tr key={column}>
                  <Table.Th scope="row">{column}</Table.Th>
                  <Table.Td style={{ maxWidth: 320 }}>
                    <Text size="sm" lineClamp={2}>
                      {preview
                        .slice(0, 3)
                        .map((row) => row.cells[index] ?? '')
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Field for column ${column}`}
                      data={[
                        { value: '', label: 'Leave out' },
                        ...fields.map((field) => ({
                          value: field.name,
                          label: `${field.label}${field.isRequired ? ' (required)' : ''}`,
                        })),
                      ]}
                      value={mapping[column] ?? ''}
                      onChange={(event) => onChange({ ...mapping, [column]: event.currentTarget.value || null })}
                      error={errors[`mapping.${column}`]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
        {preview.length > 0 && <PreviewTable header={header} preview={preview} />}
        <Group>
          <Button type="submit" loading={isPending}>
            Save mapping and do a dry run
          </Button>
          <Button variant="default" onClick={onRestart}>
            Start again
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PreviewTable({ header, preview }: { header: readonly string[]; preview: readonly PreviewRow[] }) {
  return (
    <TableRegion label="Preview of the first rows">
      <Table verticalSpacing="xs" striped withTableBorder>
        <Table.Caption>The first {preview.length} rows of the file</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            {header.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              {header.map((column, index) => (
                <Table.Td key={column}>{row.cells[index] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
