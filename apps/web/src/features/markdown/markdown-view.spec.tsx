import { render, screen } from '@testing-library/react';
import { AppProviders } from '../../app/providers';
import { createQueryClient } from '../../app/query-client';
import { MarkdownView } from './markdown-view';
import { renderMarkdown, sanitizeHtml } from './render-markdown';

function view(source: string) {
  render(
    <AppProviders queryClient={createQueryClient()}>
      <MarkdownView source={source} />
    </AppProviders>,
  );
  return screen.getByTestId('markdown-view');
}

declare global {
  interface Window {
    __pwned?: number;
  }
}

describe('MarkdownView', () => {
  afterEach(() => {
    delete window.__pwned;
  });

  it('renders Markdown: headings under the page’s own, emphasis, lists, code', () => {
    const el = view('# Our project\n\nIt is **bold** and _new_.\n\n- one\n- two\n\n```\nnpm start\n```');
    expect(el.querySelector('h3')?.textContent).toBe('Our project'); // # → h3 under the page's h1/h2
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('em')?.textContent).toBe('new');
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(el.querySelector('pre code')?.textContent).toBe('npm start\n');
  });

  it('shows raw HTML as text: no script element, no event handler, nothing run', () => {
    const source =
      'Before\n\n<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=2">\n\n' +
      'Inline <b onmouseover="window.__pwned=3">hover</b> and <iframe src="https://evil.example"></iframe>';
    const el = view(source);

    expect(el.querySelector('script, img, iframe, b')).toBeNull();
    const withHandlers = [...el.querySelectorAll('*')].filter((n) =>
      [...n.attributes].some((a) => a.name.startsWith('on')),
    );
    expect(withHandlers).toEqual([]);
    // As markup, not as text: the escaped text itself does contain `onerror=`.
    expect(el.innerHTML).not.toMatch(/<(script|img|iframe|b)\b/i);
    // The text is there, visible as written.
    expect(el.textContent).toContain('<script>window.__pwned=1</script>');
    expect(el.textContent).toContain('<img src=x onerror="window.__pwned=2">');
    expect(el.textContent).toContain('<b onmouseover="window.__pwned=3">hover</b>');
    expect(window.__pwned).toBeUndefined();
  });

  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['javascript: with entities', '[click](&#106;avascript:alert(1))'],
    ['JavaScript: in capitals', '[click](JaVaScRiPt:alert(1))'],
    ['vbscript:', '[click](vbscript:msgbox(1))'],
    ['data:', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['file:', '[click](file:///etc/passwd)'],
    ['a relative path', '[click](/api/auth/logout)'],
    ['a reference link', '[click][x]\n\n[x]: javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
  ])('drops a %s link and keeps its text', (_, source) => {
    const el = view(source);
    const links = [...el.querySelectorAll('a')];
    expect(links.filter((a) => a.hasAttribute('href'))).toEqual([]);
    expect(el.textContent).toMatch(/click|javascript:alert\(1\)/);
  });

  it('opens http(s) links in a new tab without opener or referrer; mailto stays a mail link', () => {
    const el = view(
      '[repo](https://github.com/team/app), <http://example.org>, https://example.com/x and [mail](mailto:team@example.org)',
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/team/app',
      'http://example.org',
      'https://example.com/x',
      'mailto:team@example.org',
    ]);
    for (const a of links.slice(0, 3)) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
    expect(links[3]!.getAttribute('target')).toBeNull();
  });

  it('keeps http(s) images and drops others', () => {
    const html = renderMarkdown(
      '![shot](https://example.org/a.png) ![bad](javascript:alert(1)) ![mail](mailto:a@b.c)',
    );
    const box = document.createElement('div');
    box.innerHTML = html;
    const images = [...box.querySelectorAll('img')];
    expect(images.map((i) => i.getAttribute('src'))).toEqual(['https://example.org/a.png']);
    expect(images[0]!.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('has a second layer that strips what a parser bug might let through', () => {
    const html = sanitizeHtml(
      '<p onclick="x()">a<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">' +
        '<a href="javascript:alert(1)">b</a><a href="https://ok.example" style="color:red">c</a>' +
        '<svg onload="x()"></svg><iframe src="https://evil.example"></iframe><form><input></form></p>',
    );
    expect(html).toBe(
      '<p>a<a>b</a><a href="https://ok.example" target="_blank" rel="noopener noreferrer nofollow">c</a></p><p></p>', // the parser splits the p around the form
    );
  });

  it('shows the empty text when there is nothing to render', () => {
    render(
      <AppProviders queryClient={createQueryClient()}>
        <MarkdownView source="  " empty="No description yet" />
      </AppProviders>,
    );
    expect(screen.getByTestId('markdown-view').textContent).toBe('No description yet');
  });
});
