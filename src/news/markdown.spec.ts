import { renderMarkdown, toSafeText } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists, links, code and tables', () => {
    const html = renderMarkdown(
      [
        '## Next steps',
        '',
        'A **bold** and *calm* start, see [UMONS](https://web.umons.ac.be/ "Home").',
        '',
        '- one',
        '- two',
        '',
        '```ts',
        'const a = 1 < 2;',
        '```',
        '',
        '| City | Country |',
        '| :--- | ---: |',
        '| Almaty | KZ |',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Next steps</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>calm</em>');
    expect(html).toContain(
      '<a href="https://web.umons.ac.be/" title="Home" rel="noopener noreferrer">UMONS</a>',
    );
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>');
    expect(html).toContain('<td align="left">Almaty</td>');
  });

  it('drops script elements with their content', () => {
    const html = renderMarkdown(
      'Before\n\n<script>alert("x")</script>\n\nAfter <script>steal()</script> inline',
    );
    expect(html).not.toMatch(/script/i);
    expect(html).not.toContain('alert');
    expect(html).not.toContain('steal');
    expect(html).toContain('<p>Before</p>');
    expect(html).toContain('After');
  });

  it('drops inline scripts inside list items and table cells too', () => {
    const html = renderMarkdown(
      ['- item <script>bad()</script> kept', '', '| a |', '| - |', '| <style>p{}</style> cell |'].join('\n'),
    );
    expect(html).not.toMatch(/script|style|bad\(\)|p\{\}/);
    expect(html).toContain('kept');
    expect(html).toContain('cell');
  });

  it('reduces raw HTML to its text, so no event handler or raw element survives', () => {
    const html = renderMarkdown(
      'Look: <img src="x" onerror="alert(1)"> and <b onclick="go()">bold words</b>\n\n<div onmouseover="x()">kept text</div>',
    );
    expect(html).not.toMatch(/onerror|onclick|onmouseover|<img|<b>|<div/i);
    expect(html).toContain('bold words');
    expect(html).toContain('kept text');
  });

  it('removes javascript:, data: and vbscript: targets, even when disguised', () => {
    const html = renderMarkdown(
      [
        '[one](javascript:alert(1))',
        '[two](JaVaScRiPt:alert(2))',
        '[three](javascript&#58;alert(3))',
        '[four](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '[five](vbscript:msgbox(1))',
        '![pic](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
        '<a href="javascript:alert(6)">six</a>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/javascript|data:|vbscript|&#58;/i);
    expect(html).not.toContain('<img');
    for (const text of ['one', 'two', 'three', 'four', 'five', 'six']) expect(html).toContain(text);
  });

  it('keeps http(s) images and relative links, and forces rel on every link', () => {
    const html = renderMarkdown('![Campus](https://example.org/campus.jpg)\n\n[Programmes](/programmes)');
    expect(html).toContain('<img src="https://example.org/campus.jpg" alt="Campus" />');
    expect(html).toContain('<a href="/programmes" rel="noopener noreferrer">Programmes</a>');
  });

  it('escapes special characters in text', () => {
    expect(renderMarkdown('Fish & chips < 5 €')).toBe('<p>Fish &amp; chips &lt; 5 €</p>');
  });
});

describe('toSafeText', () => {
  it('reduces markup to its text, dropping scripts and event handlers entirely', () => {
    expect(toSafeText('<img src=x onerror=alert(1)>')).toBe('');
    expect(toSafeText('Visit <b onmouseover="alert(1)">today</b><script>alert(2)</script>')).toBe(
      'Visit today',
    );
    expect(toSafeText('<svg onload=alert(1)><a href="javascript:alert(1)">x</a></svg>')).toBe('x');
  });

  it('escapes what could open a tag or close a CDATA section, and keeps plain text as it is', () => {
    expect(toSafeText('a < b & c > d ]]> e')).toBe('a &lt; b &amp; c &gt; d ]]&gt; e');
    expect(toSafeText('Ambassador of Kazakhstan at UMONS: "exchanges", l’avenir')).toBe(
      'Ambassador of Kazakhstan at UMONS: "exchanges", l’avenir',
    );
  });
});
