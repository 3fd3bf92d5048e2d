import type { SearchHit, SearchType } from '@redress/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../people/anchor-link';

/** A hit's page, from its type and ids (the server's `link` names the same place). */
export function SearchHitLink({ type, hit, children }: { type: SearchType; hit: SearchHit; children: ReactNode }) {
  switch (type) {
    case 'people':
      return (
        <AnchorLink to="/people/$personId" params={{ personId: hit.id }} fw={600}>
          {children}
        </AnchorLink>
      );
    case 'matters':
      return (
        <AnchorLink to="/matters/$matterId" params={{ matterId: hit.id }} fw={600}>
          {children}
        </AnchorLink>
      );
    case 'contacts':
      return (
        <AnchorLink to="/contacts/$contactId" params={{ contactId: hit.id }} fw={600}>
          {children}
        </AnchorLink>
      );
    case 'notes':
      return hit.matterId ? (
        <AnchorLink to="/matters/$matterId" params={{ matterId: hit.matterId }} hash={`note-${hit.id}`} fw={600}>
          {children}
        </AnchorLink>
      ) : (
        <span>{children}</span>
      );
    case 'intakes':
      return (
        <AnchorLink to="/intake/$intakeId" params={{ intakeId: hit.id }} fw={600}>
          {children}
        </AnchorLink>
      );
    case 'documents':
      return hit.personId ? (
        <AnchorLink to="/people/$personId" params={{ personId: hit.personId }} fw={600}>
          {children}
        </AnchorLink>
      ) : (
        <span>{children}</span>
      );
  }
}
