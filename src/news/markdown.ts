import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';

const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'iframe',
  'object',
  'embed',
  'template',
];
const NON_TEXT_OPENING = new RegExp(`^<(${NON_TEXT_TAGS.join('|')})(?=[\\s/>])[^>]*>$`, 'i');

/** Raw HTML typed into the Markdown keeps its text only; script and style contents go entirely. */
const TEXT_ONLY: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: NON_TEXT_TAGS,
};

/** What Markdown produces, and nothing more: the allowlist of the final pass. */
const MARKDOWN_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { code: ['language-*'] },
  // No javascript:, data:, vbscript: or any other scheme; relative links stay.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  // An image whose source was refused is dropped rather than left empty.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

interface Cell {
  tokens: Token[];
}

/**
 * Inline raw HTML arrives as one token per tag, so `<script>x()</script>` inside a paragraph would
 * leave `x()` behind as text: drop everything from such an opening tag to its closing tag.
 */
function dropNonTextElements(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  let closing: RegExp | undefined;
  for (const token of tokens) {
    if (closing) {
      if (token.type === 'html' && closing.test(token.raw.trim())) closing = undefined;
      continue;
    }
    const opening = token.type === 'html' && !token.block ? NON_TEXT_OPENING.exec(token.raw.trim()) : null;
    if (opening) {
      if (!token.raw.trim().endsWith('/>')) closing = new RegExp(`^</${opening[1]}\\s*>$`, 'i');
      continue;
    }
    visitChildren(token);
    kept.push(token);
  }
  return kept;
}

function visitChildren(token: Token): void {
  if ('tokens' in token && Array.isArray(token.tokens)) token.tokens = dropNonTextElements(token.tokens);
  if (token.type === 'list') (token.items as Token[]).forEach(visitChildren);
  if (token.type === 'table') {
    const cells = [...(token.header as Cell[]), ...(token.rows as Cell[][]).flat()];
    for (const cell of cells) cell.tokens = dropNonTextElements(cell.tokens);
  }
}

const markdown = new Marked({
  gfm: true,
  async: false,
  hooks: {
    processAllTokens: (tokens) => {
      tokens.forEach(visitChildren);
      return tokens;
    },
  },
  renderer: {
    // HTML written into the Markdown is never passed through: only its text is kept, escaped.
    html({ text }) {
      return sanitizeHtml(text, TEXT_ONLY);
    },
  },
});

/**
 * Markdown to HTML that is safe to insert in a page: raw HTML is reduced to its text, scripts,
 * event handlers and `javascript:`/`data:` links cannot survive, and links get
 * rel="noopener noreferrer".
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, MARKDOWN_HTML).trim();
}

/**
 * A plain-text field (a title, a summary, a name) made safe wherever HTML is read, such as the
 * RSS feed: any markup is reduced to its text (scripts and styles go entirely), and `<`, `>` and
 * `&` are escaped, so nothing in it can become a tag or an event handler.
 */
export function toSafeText(text: string): string {
  return sanitizeHtml(text, TEXT_ONLY);
}
