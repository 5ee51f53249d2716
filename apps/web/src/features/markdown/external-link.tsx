import { Anchor, VisuallyHidden, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';

const HTTP_URL = /^https?:\/\//i;

/** Whether a stored URL may become a link: http(s) only, whatever the API let through. */
export const isHttpUrl = (url: string): boolean => HTTP_URL.test(url.trim());

/**
 * A link to a team's page elsewhere (repository, demo, video): http(s) only, opened in a new tab
 * without `window.opener`, without a referrer, and without search-engine credit. Anything else
 * is shown as plain text, never as a link.
 */
export function ExternalLink({
  href,
  children,
  newTabLabel,
  ...props
}: AnchorProps & { href: string; children?: ReactNode; newTabLabel?: string; 'data-testid'?: string }) {
  if (!isHttpUrl(href)) return <span>{children ?? href}</span>;
  return (
    <Anchor href={href.trim()} target="_blank" rel="noopener noreferrer nofollow" {...props}>
      {children ?? href}
      {newTabLabel && <VisuallyHidden> {newTabLabel}</VisuallyHidden>}
    </Anchor>
  );
}
