import { Kbd, TextInput } from '@mantine/core';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';

export const HEADER_SEARCH_ID = 'global-search';

const isTypingTarget = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
};

/**
 * The search box in the header. "/" (when not typing elsewhere) or Ctrl+K / Cmd+K focuses it; Enter
 * opens the results page; Escape leaves it.
 */
export function HeaderSearch() {
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const urlQuery = useRouterState({
    select: (state) => (state.location.pathname === '/search' ? String(state.location.search.q ?? '') : ''),
  });
  const [value, setValue] = useState(urlQuery);

  useEffect(() => {
    if (pathname === '/search') setValue(urlQuery);
  }, [pathname, urlQuery]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isModK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const isSlash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!isModK && !(isSlash && !isTypingTarget(event.target))) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    void navigate({ to: '/search', search: { q } });
  };

  return (
    <search style={{ flex: '1 1 140px', maxWidth: 340, minWidth: 0 }}>
      <form onSubmit={submit}>
        <TextInput
          ref={inputRef}
          id={HEADER_SEARCH_ID}
          type="search"
          aria-label="Search"
          aria-keyshortcuts="/ Control+K"
          placeholder="Search people, matters, contacts, notes, intakes, documents"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          rightSection={
            <Kbd size="xs" aria-hidden="true">
              /
            </Kbd>
          }
          rightSectionPointerEvents="none"
          autoComplete="off"
        />
      </form>
    </search>
  );
}
