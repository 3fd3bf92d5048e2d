/**
 * Only same-origin paths are accepted as a post-sign-in destination, so a crafted link cannot bounce a
 * freshly signed-in user to another site.
 */
export const safeRedirect = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value.startsWith('/login') || value.startsWith('/link/')) return undefined;
  return value;
};
