import { Alert, List, Text } from '@mantine/core';
import { describeError } from '../../../components/form-alert';
import { pathErrors } from '../../people/detail-errors';

type PathFormAlertProps = {
  error: unknown;
  /** Full paths ("questionnaire.background.name") the form shows next to a field. */
  paths: readonly string[];
  title: string;
  /** Readable names for paths the form does not show, when it has them. */
  names?: Readonly<Record<string, string>>;
};

/**
 * The form-level error for forms with nested fields: announced on appearance, and listing any field
 * message the form cannot place next to a field, by its path.
 */
export function PathFormAlert({ error, paths, title, names = {} }: PathFormAlertProps) {
  if (!error) return null;
  const unplaced = Object.entries(pathErrors(error)).filter(([path]) => !paths.includes(path));
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {unplaced.length > 0 && (
        <List size="sm" mt="xs">
          {unplaced.map(([path, message]) => (
            <List.Item key={path}>{`${names[path] ?? path}: ${message}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
