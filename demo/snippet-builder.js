// The demo page's snippet builder ("Put it on your site"): the form picks an element and its options,
// the preview shows the real element with them, and the HTML under it is what a site pastes.
//
// A plain ES module served next to the page (the page's CSP allows no inline script or style). The
// preview never goes through HTML: it is made with createElement / setAttribute / textContent, and the
// theme with the CSSOM. The snippet is text in which every value a visitor typed is escaped.

/** The attributes each element takes from the form, in the order the snippet writes them. */
const ATTRIBUTES = {
  'hearth-consultation-button': ['api', 'specialist', 'service', 'mode', 'crisis-line', 'privacy-url', 'lang'],
  'hearth-message-box': ['api', 'to', 'subject', 'max-length', 'crisis-line', 'lang'],
  'hearth-references': ['api', 'list', 'src', 'citation-style', 'sort', 'controls', 'tools', 'lang'],
};

/**
 * Theme presets, by the value of their select. The accents are light-dark() pairs like the elements'
 * own colours, so that text on the accent (white in light, dark in dark) keeps its contrast.
 */
const THEME = {
  accent: {
    token: '--hearth-color-accent',
    values: { blue: 'light-dark(#1d5fbf, #8ab4f8)', plum: 'light-dark(#7b2d8e, #e0aaf0)', rust: 'light-dark(#a63d17, #f4a582)' },
  },
  radius: { token: '--hearth-radius', values: { square: '0', small: '0.25em', large: '1em' } },
  font: { token: '--hearth-font', values: { sans: 'system-ui, sans-serif', serif: 'Georgia, serif' } },
};

/** A value inside a double-quoted attribute. */
export const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A value as element text. */
export const escapeText = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML to paste: the script tag, a `<style>` rule when a theme token is set, and the element.
 * `attributes` are [name, value] pairs (value '' writes a bare boolean attribute). Up to two attributes
 * stay on the tag's line; more go one per line, so a long snippet still reads at a glance.
 */
export function buildSnippet({ script, tag, attributes, text = '', tokens = [] }) {
  const lines = [`<script type="module" src="${escapeAttribute(script)}"></script>`];
  if (tokens.length) lines.push('<style>', `  ${tag} {`, ...tokens.map(([token, value]) => `    ${token}: ${value};`), '  }', '</style>');
  const written = attributes.map(([name, value]) => (value === '' ? name : `${name}="${escapeAttribute(value)}"`));
  const open = written.length > 2 ? `<${tag}\n${written.map((a) => `  ${a}`).join('\n')}\n>` : `<${[tag, ...written].join(' ')}>`;
  lines.push(`${open}${escapeText(text)}</${tag}>`);
  return lines.join('\n');
}

/** What the form says: the element, its attributes, its text and its theme tokens. */
function readForm(form) {
  const data = new FormData(form);
  const tag = data.get('element');
  const value = (name) => String(data.get(name) ?? '').trim();
  const fromList = tag !== 'hearth-references' || value('source') === 'list';
  const attributes = [];
  for (const name of ATTRIBUTES[tag]) {
    if (!fromList && (name === 'api' || name === 'list')) continue;
    if (fromList && name === 'src') continue;
    let v;
    if (name === 'subject') v = data.has('subject') ? '' : undefined;
    else if (name === 'tools') v = data.has('tools') ? undefined : 'none';
    else if (name === 'controls') v = data.getAll('controls').join(' ') || undefined;
    else v = value(name) || undefined;
    if (v !== undefined) attributes.push([name, v]);
  }
  const tokens = [];
  for (const [name, { token, values }] of Object.entries(THEME)) {
    // Only the presets' own values: nothing typed ever reaches the CSS.
    if (Object.hasOwn(values, value(name))) tokens.push([token, values[value(name)]]);
  }
  const text = tag === 'hearth-consultation-button' ? value('label') : '';
  return { tag, attributes, text, tokens };
}

/**
 * The preview: the element itself, in a shadow root, so that its ids (a references list's `ref-…`
 * entries), its adopted styles and its citations stay apart from the essay's own. Two attributes are
 * the preview's only: its list writes no JSON-LD into the page's head, and its message box keeps its
 * own draft (not the one of the page's box to the same recipient).
 */
function renderPreview(root, { tag, attributes, text, tokens }) {
  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value);
  if (tag === 'hearth-references') element.setAttribute('json-ld', 'off');
  if (tag === 'hearth-message-box') element.setAttribute('draft-key', 'snippet-builder-preview');
  for (const [token, value] of tokens) element.style.setProperty(token, value);
  if (text) element.textContent = text;
  root.replaceChildren(element);
}

/** Fills a datalist with the server's ids (a hint: the fields take any id). */
async function suggest(datalist, url) {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const items = await response.json();
    datalist.replaceChildren(
      ...items.map((item) => {
        const option = document.createElement('option');
        option.value = item.id;
        option.label = item.name;
        return option;
      }),
    );
  } catch {
    // another server that this page may not ask (CSP), or offline: no suggestions
  }
}

function start(form) {
  const preview = document.getElementById('builder-preview').attachShadow({ mode: 'open' });
  const code = document.getElementById('builder-snippet');
  const status = document.getElementById('builder-status');
  const script = new URL('/dist/hearth.js', location.href).href;
  form.elements.api.value = new URL('/api', location.href).href;
  form.elements.src.value = new URL('further.bib', location.href).href;

  let current = '';
  let timer;
  /** Shows the fields of the chosen element (hidden ones leave the tab order), the snippet, and (at once, or after typing pauses) the preview. */
  function update(previewNow) {
    const config = readForm(form);
    const source = new FormData(form).get('source');
    for (const field of form.querySelectorAll('[data-for]')) {
      field.hidden = !field.dataset.for.split(' ').includes(config.tag) || (config.tag === 'hearth-references' && field.dataset.source !== undefined && field.dataset.source !== source);
    }
    code.textContent = buildSnippet({ script, ...config });
    status.textContent = '';
    clearTimeout(timer);
    const key = JSON.stringify(config);
    if (key === current) return;
    const render = () => {
      current = key;
      renderPreview(preview, config);
    };
    if (previewNow) render();
    // Typing: one new element when the visitor pauses, not one per key (each may ask the server).
    else timer = setTimeout(render, 400);
  }

  form.addEventListener('input', (event) => update(!(event.target instanceof HTMLInputElement) || ['radio', 'checkbox'].includes(event.target.type)));
  form.addEventListener('change', () => update(true));
  form.addEventListener('submit', (event) => event.preventDefault());

  const api = () => form.elements.api.value.trim().replace(/\/+$/, '');
  form.elements.specialist.addEventListener('focus', () => suggest(document.getElementById('b-specialists'), `${api()}/specialists`));
  form.elements.to.addEventListener('focus', () => suggest(document.getElementById('b-specialists'), `${api()}/specialists`));
  form.elements.service.addEventListener('focus', () => {
    const specialist = form.elements.specialist.value.trim();
    if (specialist) suggest(document.getElementById('b-services'), `${api()}/specialists/${encodeURIComponent(specialist)}/services`);
  });

  document.getElementById('builder-copy').addEventListener('click', async () => {
    const text = code.textContent;
    let said;
    try {
      await navigator.clipboard.writeText(text);
      said = 'Copied';
    } catch {
      // No clipboard (permission, an old browser): select the code for Ctrl+C / ⌘C.
      getSelection().selectAllChildren(code);
      said = 'Selected: press Ctrl+C (⌘C) to copy';
    }
    // Emptied first, so that a second Copy is announced again.
    status.textContent = '';
    setTimeout(() => (status.textContent = said), 50);
  });

  update(true);
}

const form = globalThis.document?.getElementById('builder');
if (form) start(form);
