/**
 * Plain text from HTML, for HTML files and for the HTML that mammoth makes of
 * Word files: block elements end lines, table cells are separated by tabs,
 * white space collapses as a browser would collapse it (except in <pre>), and
 * scripts, styles and the head are dropped. htmlparser2 does the parsing and
 * decodes entities.
 */
import { Parser } from 'htmlparser2';

const blocks = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul', 'caption', 'tbody', 'thead', 'tfoot',
]);
const skipped = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math']);

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skipDepth = 0;
  let preDepth = 0;
  let cellInRow = 0;
  // Paragraphs inside a table cell (as mammoth writes them) stay on the row's line.
  let cellDepth = 0;

  const endLine = () => {
    const trimmed = line.replace(/[ \t]+$/u, '');
    if (trimmed !== '' || (lines.length > 0 && lines[lines.length - 1] !== '')) lines.push(trimmed);
    line = '';
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (skipped.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (name === 'br') endLine();
        else if (name === 'td' || name === 'th') {
          cellDepth++;
          if (cellInRow++ > 0) line += '\t';
        } else if (name === 'tr') cellInRow = 0;
        else if (blocks.has(name) && cellDepth === 0 && line.trim() !== '') endLine();
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (preDepth > 0) {
          const parts = data.split('\n');
          parts.forEach((part, i) => {
            if (i > 0) endLine();
            line += part;
          });
          return;
        }
        const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
        line += line === '' || line.endsWith(' ') || line.endsWith('\t') ? collapsed.replace(/^ /, '') : collapsed;
      },
      onclosetag(name) {
        if (skipped.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'td' || name === 'th') cellDepth = Math.max(0, cellDepth - 1);
        else if (blocks.has(name) && (cellDepth === 0 || name === 'table') && line.trim() !== '') endLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
