import { Fragment } from 'react';

/**
 * An email address that may wrap after its "@" and dots (and, as all text, after hyphens), never in
 * the middle of a word: a narrow column stays as wide as its longest part instead of one letter.
 */
export function BreakableEmail({ children }: { readonly children: string }) {
  const parts = children.split(/(?<=[@.])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
