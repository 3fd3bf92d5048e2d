import type { Tx } from '@redress/db';
import type { AppDeps } from '../../deps.js';

/**
 * Deps whose database runs every "transaction" inside `tx`: the existing use cases (create a person,
 * add a placement, a conviction, open a matter) each open their own transaction through
 * `inTransaction`; handed these deps they join the caller's instead, so accepting an intake creates
 * the person, the matter and every audit entry in one transaction that commits or rolls back whole.
 */
export const joinTransaction = (deps: AppDeps, tx: Tx): AppDeps => {
  const db = new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'transaction') {
        return () => ({ execute: <T>(work: (inner: Tx) => Promise<T>) => work(target) });
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...deps, database: { ...deps.database, db } };
};
