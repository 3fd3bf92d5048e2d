import { formatDateTime } from '../lib/format';

type DateTimeProps = { value: string | null; empty?: string };

export function DateTime({ value, empty = 'Never' }: DateTimeProps) {
  if (value === null) return <>{empty}</>;
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
