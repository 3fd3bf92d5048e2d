import { useEffect } from 'react';

/** Each page names itself in the document title, which screen readers announce on navigation. */
export const usePageTitle = (title: string): void => {
  useEffect(() => {
    document.title = `${title} · Redress`;
  }, [title]);
};
