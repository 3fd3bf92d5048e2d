/** A one-time sign-in link to hand over, with who it is for; shown once on the users page. */
export type IssuedLink = {
  purpose: 'invite' | 'reset';
  name: string;
  email: string;
  url: string;
  expiresAt: string;
};

/** The server may send a path or a full URL; an administrator needs something pasteable. */
export const absoluteLink = (url: string): string => new URL(url, window.location.origin).href;
