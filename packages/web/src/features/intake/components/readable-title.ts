/**
 * Mantine's light alerts write their title in the alert's own colour, which falls below WCAG AA on
 * the green, yellow and grey tints; the title takes the body text colour instead.
 */
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } } as const;
