import type { Role, TokenScope } from '@redress/core';

/** Who is acting. `scopes` is set when the actor authenticated with an API token. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  sessionId: string | null;
  scopes: TokenScope[] | null;
};

/** Everything a use case needs to know about the request, and nothing about HTTP. */
export type RequestContext = {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /**
   * Set when the server's operator acts through the `redress` CLI on the machine itself: they hold
   * the data directory and the master key, so no role check applies, but every change is audited
   * under this label.
   */
  operator?: string;
};

export const systemContext = (label = 'system'): RequestContext => ({
  actor: null,
  ip: null,
  userAgent: null,
  requestId: null,
  operator: label,
});
