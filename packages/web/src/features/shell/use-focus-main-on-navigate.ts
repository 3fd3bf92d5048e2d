import { useEffect, useRef } from 'react';
import { MAIN_CONTENT_ID } from '../../lib/focus-main';

/** After a client-side navigation, focus moves to the new page so screen readers start reading it. */
export const useFocusMainOnNavigate = (pathname: string) => {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: false });
  }, [pathname]);
};
