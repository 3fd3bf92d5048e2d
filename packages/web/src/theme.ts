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
  },
  dark: {},
});
