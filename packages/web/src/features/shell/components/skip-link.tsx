import { Anchor } from '@mantine/core';
import type { MouseEvent } from 'react';
import { MAIN_CONTENT_ID } from '../../../lib/focus-main';
import classes from './skip-link.module.css';

export function SkipLink() {
  // Handled here rather than by the hash change, which the router would treat as a navigation.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById(MAIN_CONTENT_ID);
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <Anchor href={`#${MAIN_CONTENT_ID}`} onClick={skip} className={classes.skipLink}>
      Skip to main content
    </Anchor>
  );
}
