import { strict as assert } from 'node:assert';
import { micromark } from 'micromark';
import type { TaggedPassage } from '../../../src/core/report';
import { renderMarkdown } from '../../../src/core/report';

// VS Code's markdown preview renders with markdown-it (raw HTML on, GFM tables built in); it comes with @vscode/vsce.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(src: string): string };

/** Values an attacker could put in an annotation file (or the team's settings) to inject markup. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '[x](javascript:alert(3))',
  '![i](javascript:alert(4))',
  '<javascript:alert(5)>',
  '</sub><img src=x onerror=alert(6)><sub>',
  'a | b |\n|---|---|\n| c | d |',
  '&lt;script&gt;alert(7)&lt;/script&gt;',
  'one\n\n# heading\n\n- item\n1. item\n===\n<div onclick=alert(8)>',
  '`code` *em* _em_ ~~del~~ \\ [ref]: javascript:alert(9)',
];

/** One passage with `value` in every field the report shows. */
function hostilePassage(value: string, n: number): TaggedPassage {
  return {
    letter: `${value} letter ${n}`,
    letterPath: `${value}/letter-${n}.md`,
    annotationFile: `${value}.annotations.yaml`,
    line: 3,
    id: `${value} id`,
    tag: `${value} tag`,
    label: `${value} label`,
    quote: `${value} quote`,
    note: `${value} note`,
    refs: [`${value} ref`, 'kst-1-2'],
    author: `${value} author`,
    created: `${value} created`,
    status: `${value} status`,
    start: 0,
    end: 1,
  };
}

const passages = HOSTILE.map(hostilePassage);
const markdown = renderMarkdown(passages, `${HOSTILE[0]} ${HOSTILE[2]} title`);
const renderers = {
  'markdown-it (VS Code preview, GFM tables)': (md: string) => new MarkdownIt({ html: true, linkify: true }).render(md),
  'micromark (CommonMark)': (md: string) => micromark(md, { allowDangerousHtml: true }),
};

/** Every start tag of `html`, by name. */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());
}

describe('markdown report: hostile values are inert', () => {
  for (const [name, render] of Object.entries(renderers)) {
    describe(name, () => {
      const html = render(markdown);

      it('produces only the report structure: no script, image, link, table, list or extra heading', () => {
        const allowed = new Set(['h1', 'h2', 'h3', 'blockquote', 'p', 'sub', 'br']);
        assert.deepEqual(
          [...new Set(tagsOf(html))].filter((t) => !allowed.has(t)),
          [],
        );
        assert.doesNotMatch(html, /<[^>]*\s(on\w+|href|src)=/i);
        const count = (tag: string) => tagsOf(html).filter((t) => t === tag).length;
        assert.equal(count('h1'), 1);
        assert.equal(count('h2'), passages.length);
        assert.equal(count('h3'), passages.length);
        assert.equal(count('sub'), passages.length);
        assert.equal(count('blockquote'), passages.length);
      });

      it('shows every field as its literal text', () => {
        const text = html
          .replace(/<[^>]*>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        const flat = text.replace(/\s+/g, ' ');
        for (const value of HOSTILE) {
          const one = value.replace(/\s+/g, ' ');
          for (const field of ['author', 'created', 'status', 'id', 'tag', 'label', 'ref', 'quote', 'note']) {
            assert.ok(flat.includes(`${one} ${field}`), `${field}: ${value}`);
          }
        }
        assert.ok(flat.includes(`${HOSTILE[0]} ${HOSTILE[2]} title`));
      });
    });
  }

  it('keeps each fact on the line of its <sub>', () => {
    const facts = markdown.split('\n').filter((l) => l.startsWith('<sub>'));
    assert.equal(facts.length, passages.length);
    assert.ok(facts.every((l) => l.endsWith('</sub>') && l.indexOf('</sub>') === l.length - 6));
  });
});
