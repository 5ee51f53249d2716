import DOMPurify from 'dompurify';
import MarkdownIt, { type RendererRule } from 'markdown-it';

/**
 * Markdown written by teams, turned into HTML that is safe to insert into the page.
 *
 * Two layers, each enough on its own for the cases we know of:
 * 1. markdown-it with `html: false`: raw HTML in the source (`<script>`, `<img onerror=…>`) is not
 *    HTML at all but text, shown escaped as written; a link or image whose URL is not http(s) (or
 *    mailto for links) is not a link but its text (`validateLink`).
 * 2. DOMPurify on markdown-it's output, with an allow-list of the tags and attributes Markdown
 *    produces and of URL schemes, so that a parser bug cannot reach the DOM as markup.
 * External links then get `target="_blank"` and `rel="noopener noreferrer nofollow"`.
 */

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;

const md = new MarkdownIt('default', { html: false, linkify: true, breaks: false, typographer: false });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** `env.headingOffset`: a description's `#` sits under the page's own headings. */
type RenderEnv = { headingOffset: number } & Record<string, unknown>;
const shiftHeading: RendererRule = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const offset = (env as RenderEnv | undefined)?.headingOffset ?? 0;
  const level = Math.min(6, Number(token.tag.slice(1)) + offset);
  token.tag = `h${level}`;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_open = shiftHeading;
md.renderer.rules.heading_close = shiftHeading;

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'start'];

// Its own instance: the hooks below must not change how anything else in the app is sanitised.
let purifier: ReturnType<typeof DOMPurify> | undefined;
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (!href || !SAFE_LINK.test(href)) {
        node.removeAttribute('href');
        return;
      }
      if (/^https?:/i.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src');
      if (!src || !SAFE_IMAGE.test(src)) node.remove();
      else {
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
      }
    }
  });
  purifier = p;
  return p;
}

export interface RenderOptions {
  /** Added to every heading level (`#` → h1 + offset), capped at h6. */
  headingOffset?: number;
}

/** Markdown → sanitised HTML (a string for `dangerouslySetInnerHTML`). */
export function renderMarkdown(source: string, { headingOffset = 0 }: RenderOptions = {}): string {
  const env: RenderEnv = { headingOffset };
  return sanitizeHtml(md.render(source, env));
}

/** The second layer on its own: HTML reduced to the allow-list (exported for its tests). */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_LINK,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  });
}
