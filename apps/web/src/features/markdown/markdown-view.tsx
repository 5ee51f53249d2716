import { Text, Typography, type TypographyProps } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import './markdown-view.css';
import { renderMarkdown } from './render-markdown';

export interface MarkdownViewProps extends Omit<TypographyProps, 'children' | 'dangerouslySetInnerHTML'> {
  /** Markdown as stored (verbatim, possibly hostile). */
  source: string;
  /** Added to the levels of the text's headings, so that they sit under the page's own. */
  headingOffset?: number;
  /** Shown instead when the source is empty. */
  empty?: ReactNode;
  'data-testid'?: string;
}

/**
 * A Markdown text rendered safely (see `renderMarkdown`): no script, no event handler, links only
 * http(s) or mailto, external links opening in a new tab without the opener or referrer. The one
 * component every screen uses for descriptions: editor preview, gallery, organizer views.
 */
export function MarkdownView({
  source,
  headingOffset = 2,
  empty,
  'data-testid': testId = 'markdown-view',
  ...props
}: MarkdownViewProps) {
  const html = useMemo(() => renderMarkdown(source, { headingOffset }), [source, headingOffset]);
  if (source.trim() === '' && empty !== undefined) {
    return (
      <Text c="dimmed" fs="italic" data-testid={testId}>
        {empty}
      </Text>
    );
  }
  return (
    <Typography
      {...props}
      className="markdown-view"
      data-testid={testId}
      // Sanitised by renderMarkdown (markdown-it without raw HTML, then DOMPurify's allow-list).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
