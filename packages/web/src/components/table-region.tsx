import type { ReactNode } from 'react';

type TableRegionProps = { label: string; children: ReactNode };

/**
 * Wide tables scroll sideways on small screens; a scrollable region must be reachable by keyboard and
 * named, or keyboard users cannot read the hidden columns.
 */
export function TableRegion({ label, children }: TableRegionProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus for keyboard scrolling
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  );
}
