import Box from '@mui/material/Box';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { visuallyHidden } from '../../components/visually-hidden';
import { announcerId, focusPageHeading } from '../../lib/focus';

/**
 * Which page an address shows: an org's tabs are one page (choosing a tab keeps focus on the tab),
 * and list state in the query string never counts.
 */
export function pageKey(pathname: string): string {
  return pathname.replace(/^(\/c\/[^/]+\/orgs\/[^/]+)\/[^/]+\/?$/, '$1');
}

/**
 * On every change of page (not the first load), focus moves to the new page's heading and its
 * name is announced in a polite live region, as a full page load would do for a screen reader.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const key = pageKey(pathname);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    focusPageHeading();
  }, [key]);
  return <Box id={announcerId} aria-live="polite" aria-atomic="true" sx={visuallyHidden} />;
}
