import { type CSSVariablesResolver, createTheme, Notification } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white-on-primary and primary-on-white text at WCAG AA (the default shade 6 does not).
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  focusRing: 'auto',
  components: {
    // Mantine's close buttons have no accessible name by default, and a titled notification's message
    // is grey-6 on white (3.3:1): grey-7 reaches AA.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
  },
});

/**
 * Mantine's default greys, reds and hover tints fall below WCAG AA contrast in places (dimmed text,
 * error text, red buttons on striped rows, dark blue text on the hover tint). These keep every
 * combination the app uses at 4.5:1 or better.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-outline': 'var(--mantine-color-blue-9)',
    '--mantine-color-red-filled': '#b02525',
    '--mantine-color-red-filled-hover': '#a51d1d',
    '--mantine-color-red-light': 'var(--mantine-color-red-0)',
    '--mantine-color-red-light-hover': 'var(--mantine-color-red-1)',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-red-outline': '#b02525',
    // Light badges and alert titles in the other colours the app uses (statuses, OCR states,
    // warnings): the palest tint behind, a dark shade in front, 4.5:1 or better.
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-color-teal-light-color': '#0b6b4f',
    '--mantine-color-green-light': 'var(--mantine-color-green-0)',
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-yellow-light': 'var(--mantine-color-yellow-0)',
    '--mantine-color-yellow-light-color': '#5c3c00',
    '--mantine-color-orange-light': 'var(--mantine-color-orange-0)',
    '--mantine-color-orange-light-color': '#8a3c00',
    '--mantine-color-grape-light': 'var(--mantine-color-grape-0)',
    '--mantine-color-grape-light-color': 'var(--mantine-color-grape-9)',
    '--mantine-color-gray-light': 'var(--mantine-color-gray-0)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
  },
  dark: {},
});
