import { useEffect } from 'react';

/** Sets the tab title, so browser history and tabs say where each entry leads. */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = [
    ...parts.filter((part): part is string => typeof part === 'string' && part !== ''),
    'Orgdeck',
  ].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
