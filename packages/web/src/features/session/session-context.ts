import type { SessionView } from '@redress/core';
import { createContext, useContext } from 'react';

/** Provided by the signed-in layout, which renders nothing below it without a session. */
export const SessionContext = createContext<SessionView | null>(null);

export const useSession = (): SessionView => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only available inside the signed-in layout');
  return session;
};
