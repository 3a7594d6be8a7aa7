import { expect } from '@open-wc/testing';
import { decodeEntities, parseSafeMarkup, safeUrl } from '../../src/core/safe-markup.js';

describe('safeUrl', () => {
  it('keeps http and https, normalized', () => {
    expect(safeUrl('https://example.org/a b')).to.equal('https://example.org/a%20b');
    expect(safeUrl(' http://example.org ')).to.equal('http://example.org/');
  });
  it('drops other schemes, junk and non-strings', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.c', '', '   ', 42, null, undefined, {}]) {
      expect(safeUrl(bad), String(bad)).to.equal(undefined);
    }
  });
  it('allows mailto when asked', () => {
    expect(safeUrl('mailto:a@example.org', 'mailto:')).to.equal('mailto:a@example.org');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references and leaves unknown ones', () => {
    expect(decodeEntities('a &amp; b &lt;i&gt; &quot;q&quot; &#39;s&#x27; &nbsp;|&unknown; &#0;')).to.equal(`a & b <i> "q" 's' \u00a0|&unknown; &#0;`);
  });
});

describe('parseSafeMarkup', () => {
  it('keeps the allowed tags, nested', () => {
    expect(parseSafeMarkup('A <em>very <b>good</b></em> <strong>read</strong>, <i>truly</i>.')).to.deep.equal([
      'A ',
      { tag: 'em', children: ['very ', { tag: 'b', children: ['good'] }] },
      ' ',
      { tag: 'strong', children: ['read'] },
      ', ',
      { tag: 'i', children: ['truly'] },
      '.',
    ]);
  });
  it('keeps safe links and unwraps unsafe ones', () => {
    expect(parseSafeMarkup(`<a href="https://e.org/?a=1&amp;b=2">x</a><a href='mailto:m@e.org'>m</a><a href=javascript:alert(1)>y</a><a>z</a>`)).to.deep.equal([
      { tag: 'a', href: 'https://e.org/?a=1&b=2', children: ['x'] },
      { tag: 'a', href: 'mailto:m@e.org', children: ['m'] },
      { tag: 'a', children: ['y'] },
      { tag: 'a', children: ['z'] },
    ]);
  });
  it('drops unknown tags and comments, keeping their content as plain text', () => {
    expect(parseSafeMarkup('a<img src=x onerror="alert(1)">b<div onclick="x">c</div><script>alert(1)</script><!-- hidden -->d')).to.deep.equal(['abcalert(1)d']);
  });
  it('treats a lone < as text and closes unclosed tags', () => {
    expect(parseSafeMarkup('1 < 2 and <em>open')).to.deep.equal(['1 < 2 and ', { tag: 'em', children: ['open'] }]);
  });
  it('ignores stray closing tags', () => {
    expect(parseSafeMarkup('a</em>b</b>')).to.deep.equal(['ab']);
  });
  it('gives nothing for non-strings', () => {
    expect(parseSafeMarkup(undefined)).to.deep.equal([]);
    expect(parseSafeMarkup({ toString: () => '<b>x</b>' })).to.deep.equal([]);
  });
  it('handles attribute values containing >', () => {
    expect(parseSafeMarkup('<a href="https://e.org/" title="a>b">t</a>')).to.deep.equal([{ tag: 'a', href: 'https://e.org/', children: ['t'] }]);
  });
});
