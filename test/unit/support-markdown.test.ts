import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SUPPORT_DEFAULTS } from '@/lib/support/defaults';
import { SUPPORT_A6_CHARS } from '@/lib/support/limits';
import { parseMarkdown, safeHref } from '@/lib/support/markdown';
import { MarkdownView } from '@/lib/support/render';

/** The rendered HTML inside the wrapper div. */
function html(source: string): string {
  const out = renderToStaticMarkup(createElement(MarkdownView, { source }));
  return out.replace(/^<div class="[^"]*">/, '').replace(/<\/div>$/, '');
}

describe('support Markdown: what is allowed renders', () => {
  it('headings one level below the page title, paragraphs joined, rules', () => {
    expect(html('# Notruf\n## Polizei\n### Nachts')).toBe('<h2>Notruf</h2><h3>Polizei</h3><h4>Nachts</h4>');
    expect(html('one\ntwo\n\nthree')).toBe('<p>one two</p><p>three</p>');
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p><hr/><p>b</p>');
  });

  it('bold, italic (both markers), and escapes', () => {
    expect(html('**110** and *quick* and _slow_')).toBe('<p><strong>110</strong> and <em>quick</em> and <em>slow</em></p>');
    expect(html('**bold _inner_**')).toBe('<p><strong>bold <em>inner</em></strong></p>');
    expect(html('\\*not italic\\* snake_case_name 2 * 3')).toBe('<p>*not italic* snake_case_name 2 * 3</p>');
  });

  it('bullet and numbered lists, with continuation lines', () => {
    expect(html('- one\n* two\n  more')).toBe('<ul><li>one</li><li>two more</li></ul>');
    expect(html('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
    expect(html('- a\n1. b')).toBe('<ul><li>a</li></ul><ol><li>b</li></ol>');
  });

  it('links to https:, tel: and paths on this site', () => {
    expect(html('[Hilfetelefon](tel:116016)')).toBe('<p><a href="tel:116016" class="underline underline-offset-4">Hilfetelefon</a></p>');
    expect(html('[Guide](/de/guide/seller)')).toBe('<p><a href="/de/guide/seller" class="underline underline-offset-4">Guide</a></p>');
    expect(html('[**BesD**](https://example.org/a?b=1)')).toBe(
      '<p><a href="https://example.org/a?b=1" rel="noreferrer" class="underline underline-offset-4"><strong>BesD</strong></a></p>',
    );
  });
});

describe('support Markdown: everything else is escaped text', () => {
  it('script tags and raw HTML stay text', () => {
    expect(html('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html('<img src=x onerror="alert(1)">')).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
    expect(html('# <b>x</b> & y')).toBe('<h2>&lt;b&gt;x&lt;/b&gt; &amp; y</h2>');
    expect(html('- <iframe src="https://evil.example">')).toBe('<ul><li>&lt;iframe src=&quot;https://evil.example&quot;&gt;</li></ul>');
  });

  it('javascript:, data:, http: and other hosts\' tricks lose their link, keep their text', () => {
    expect(html('[click](javascript:alert(1))')).not.toContain('<a');
    expect(html('[click](javascript:alert%281%29)')).toBe('<p>click</p>');
    expect(html('[click](JavaScript:alert%281%29)')).toBe('<p>click</p>');
    expect(html('[click](data:text/html;base64,PHNjcmlwdD4=)')).toBe('<p>click</p>');
    expect(html('[click](http://example.org)')).toBe('<p>click</p>');
    expect(html('[click](//evil.example/x)')).toBe('<p>click</p>');
    expect(html('[click](/\\evil.example)')).toBe('<p>click</p>');
    expect(html('[click](vbscript:msgbox)')).toBe('<p>click</p>');
  });

  it('an attribute cannot be broken out of', () => {
    const out = html('[x](https://example.org/"onmouseover="alert(1))');
    expect(out).not.toMatch(/<a[^>]* onmouseover=/);
    expect(html('[x](https://example.org/a"b)')).toBe('<p><a href="https://example.org/a%22b" rel="noreferrer" class="underline underline-offset-4">x</a></p>');
  });
});

describe('safeHref', () => {
  it('accepts only https:, tel: and same-site paths', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('tel:+49 30 1234')).toBeNull(); // spaces are refused: write tel:+49301234
    expect(safeHref('tel:+4930123')).toBe('tel:+4930123');
    expect(safeHref('/de/support')).toBe('/de/support');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:x', 'https://user:pw@example.org', 'mailto:a@b.c', 'ftp://x', '//x', 'tel:call-me', '', 'support'])
      expect(safeHref(bad), bad).toBeNull();
  });
});

describe('shipped defaults', () => {
  it('parse into headings, lists and links to the emergency numbers, short enough for an A6 card', () => {
    for (const [locale, source] of Object.entries(SUPPORT_DEFAULTS)) {
      const blocks = parseMarkdown(source);
      expect(blocks.filter((b) => b.kind === 'heading'), locale).toHaveLength(3);
      expect(blocks.filter((b) => b.kind === 'list'), locale).toHaveLength(3);
      const out = html(source);
      for (const number of ['tel:110', 'tel:112', 'tel:116016']) expect(out, locale).toContain(`href="${number}"`);
      expect(source.length, locale).toBeLessThanOrEqual(SUPPORT_A6_CHARS);
    }
    expect(SUPPORT_DEFAULTS.de).toContain('Rechtsberatung');
    expect(SUPPORT_DEFAULTS.en).toContain('legal adviser');
  });
});
