// HTML → page text with a real parser (htmlparser2, streaming: no DOM is built, so a 40 MB page costs little).
// Block elements become line breaks, entities are decoded, scripts/styles/navigation are dropped, and for
// every output line we keep the share of its characters that sat inside links: navigation bars and
// related-news lists are mostly links, article paragraphs are not. <title> and <meta> are kept aside for
// the metadata stage.
import { Parser } from 'htmlparser2';
import type { HtmlInfo } from '../doc.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'select', 'textarea', 'button', 'nav']);
/** Dropped unless inside <article>, where they hold the byline and credits. */
const SKIP_OUTSIDE_ARTICLE = new Set(['footer', 'aside']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'tbody', 'thead',
  'section', 'article', 'header', 'footer', 'main', 'blockquote', 'pre', 'hr', 'form', 'figure', 'figcaption', 'address',
  'center', 'aside', 'body', 'html', 'td', 'th', 'caption', 'fieldset', 'legend', 'details', 'summary', 'option',
]);

export interface Rendered {
  text: string;
  html: HtmlInfo;
}

/** True when a text (a .txt file or a table cell) carries HTML markup worth rendering. */
export function looksLikeHtml(s: string): boolean {
  return /<(?:p|br|div|span|a|img|strong|b|h[1-6]|li|table|section|article|font)\b[^>]{0,500}>/i.test(s.slice(0, 20000)) || /<\/p>/i.test(s.slice(0, 20000));
}

export function renderHtml(source: string): Rendered {
  const lines: string[] = [];
  const linkChars: number[] = [];
  let line = '';
  let lineLinkChars = 0;
  let skipDepth = 0;
  let articleDepth = 0;
  let linkDepth = 0;
  let inTitle = false;
  let title = '';
  const meta: Record<string, string> = {};
  const stack: string[] = [];

  const breakLine = () => {
    const trimmed = line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    if (trimmed) {
      const lead = line.length - line.replace(/^[\s\u3000\u00a0]+/, '').length;
      // Link characters counted on the untrimmed line; scale to the trimmed one.
      lines.push(trimmed);
      linkChars.push(Math.min(trimmed.length, Math.max(0, lineLinkChars - Math.min(lead, lineLinkChars))));
    }
    line = '';
    lineLinkChars = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'meta') {
          const key = (attrs.name ?? attrs.property ?? attrs['http-equiv'] ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content !== undefined && !(key in meta)) meta[key] = attrs.content;
          return;
        }
        if (name === 'title' && !inTitle && !title) inTitle = true;
        if (name === 'article') articleDepth++;
        if (SKIP.has(name) || (SKIP_OUTSIDE_ARTICLE.has(name) && articleDepth === 0)) skipDepth++;
        if (name === 'a') linkDepth++;
        if (BLOCK.has(name)) breakLine();
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (skipDepth > 0) return;
        const t = data.replace(/[\t\n\r\f ]+/g, ' ');
        if (!t) return;
        line += t;
        if (linkDepth > 0) lineLinkChars += t.trim().length;
      },
      onclosetag(name) {
        // htmlparser2 closes implied tags too; keep counters in step with the stack.
        const i = stack.lastIndexOf(name);
        if (i >= 0) stack.length = i;
        if (name === 'title') inTitle = false;
        if (SKIP.has(name) || (SKIP_OUTSIDE_ARTICLE.has(name) && articleDepth === 0)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'article') articleDepth = Math.max(0, articleDepth - 1);
        if (name === 'a') linkDepth = Math.max(0, linkDepth - 1);
        if (BLOCK.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  breakLine();

  const text = lines.join('\n');
  const linkDensity = lines.map((l, i) => (l.length ? linkChars[i] / l.length : 0));
  return { text, html: { title: title.replace(/\s+/g, ' ').trim() || undefined, meta, linkDensity } };
}
