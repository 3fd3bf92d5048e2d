import { Group, Text } from '@mantine/core';

export const IMPORT_STEPS = ['Upload', 'Map columns', 'Dry run', 'Import', 'Summary'] as const;
export type ImportStepName = (typeof IMPORT_STEPS)[number];

/** Where the user is in the wizard; the current step is announced as such. */
export function ImportSteps({ current }: { current: ImportStepName }) {
  const at = IMPORT_STEPS.indexOf(current);
  return (
    <Group component="ol" gap="lg" aria-label="Import steps" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {IMPORT_STEPS.map((step, index) => (
        <li key={step} aria-current={index === at ? 'step' : undefined}>
          <Text
            size="sm"
            fw={index === at ? 700 : 400}
            td={index === at ? 'underline' : undefined}
            c={index > at ? 'dimmed' : undefined}
          >
            {index + 1}. {step}
            {index < at ? ' (done)' : ''}
          </Text>
        </li>
      ))}
    </Group>
  );
}
