// Deterministic CSL-JSON items of every type the APA formatter handles, for benchmarks.
const FAMILY = ['Fromm', 'Kurzweil', 'Jackson', 'van Gogh', 'Nguyen', 'Okafor', 'Schmidt', 'García', 'Kowalczyk', 'Smith', 'Ivanenko', 'Tanaka'];
const GIVEN = ['Erich', 'Ray', 'Frank', 'Ana María', 'Jean-Paul', 'Olena', 'Kenji', 'Chloë', 'Ade', 'Marta'];
const TYPES = ['book', 'article-journal', 'chapter', 'paper-conference', 'report', 'thesis', 'webpage', 'motion_picture'];

function seeded(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export function generateItems(n, seed = 42) {
  const r = seeded(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const people = (k) => Array.from({ length: k }, () => ({ family: pick(FAMILY), given: pick(GIVEN) }));
  return Array.from({ length: n }, (_, i) => {
    const type = TYPES[i % TYPES.length];
    const item = {
      id: `item${i}`,
      type,
      title: `${pick(['On', 'Towards', 'Against', 'Notes on'])} ${pick(['loving', 'machines', 'qualia', 'distance', 'care'])} ${i}`,
      author: people(1 + Math.floor(r() * 4)),
      issued: { 'date-parts': [[1950 + Math.floor(r() * 75), 1 + Math.floor(r() * 12)]] },
      publisher: pick(['Harper & Brothers', 'Viking Penguin', 'MIT Press', 'Routledge']),
      annotation: 'A note with <em>emphasis</em>.',
    };
    if (type === 'article-journal' || type === 'paper-conference' || type === 'chapter') {
      item['container-title'] = pick(['The Philosophical Quarterly', 'Mind', 'Proceedings of CHI', 'Handbook of Care']);
      item.volume = 1 + Math.floor(r() * 60);
      item.issue = 1 + Math.floor(r() * 4);
      item.page = `${10 + i}-${30 + i}`;
      item.DOI = `10.1000/bench.${i}`;
    }
    if (type === 'chapter') item.editor = people(2);
    if (type === 'webpage') item.URL = `https://example.org/page/${i}`;
    if (type === 'motion_picture') item.director = people(1);
    return item;
  });
}

// ---------------------------------------------------------------------------------------------
// A large BibTeX file shaped after real exports (see test/references/fixtures/entries.bib): NASA ADS
// (AASTeX journal macros such as `\apj`, `{Family}, G.~A.` names, TeX math in titles, eprint fields),
// Zotero/Better BibTeX (Unicode, abstracts, urldate, file and keywords fields), Google Scholar (terse,
// `{…}` everywhere) and hand-kept files (`@string` macros, `#` concatenation, month macros, accents as
// LaTeX, `crossref` to proceedings and collections written after their children, `and others`).

const TEX_FAMILY = String.raw`M{\"u}ller|Schr\"{o}dinger|Garc{\'\i}a|Fran{\c{c}}ois|{\L}ukasiewicz|Dvo{\v{r}}{\'a}k|Nguy{\~{\^e}}n|{\O}rsted|Jackson|Okafor|Smith|Tanaka|Kowalczyk|Ivanenko|Brontë|Núñez|Stevenson-Hinde|O'Brien`.split('|');
const TEX_GIVEN = String.raw`J{\"o}rg|Ren{\'e}|Ana Mar{\'\i}a|Jean-Paul|Zo{\"e}|Chlo\"{e}|Frank|Min-jun|Olena|Kenji|Ade|Marta|Łukasz|Søren|J.~A.|H.|Mary D. Salter`.split('|');
const VON = ['van', 'van der', 'de la', 'von', 'di'];
const CORP = ['{World Health Organization}', '{National Academies of Sciences, Engineering, and Medicine}', '{The {LIGO} Scientific Collaboration}', '{NHS}'];
const TOPIC = String.raw`the $\alpha$-band|H$_2$O masers|a 7$\pm$2 per cent distance|$z\sim 6$ quasars|10$^{-3}$ M$_\odot$ yr$^{-1}$ outflows|the $\Lambda$CDM model|$\sqrt{s} = 13$ TeV collisions|{NASA} missions|{B}ayesian inference|\emph{in vivo} imaging|\textit{Escherichia coli}|caf{\'e} culture|na{\"\i}ve learners|Schr{\"o}dinger's equation|the 2$\times$2 case|{CO} emission at 30$^\circ$|T$_{\rm eff}$ estimates|loneliness \& care|older adults --- a review|{Twitter} discourse|$\mathrm{H}\alpha$ emission|self-supervised {GAN}s|graph neural networks`.split('|').concat("``home'' care");
const OPENER = ['On', 'Towards', 'Revisiting', 'A note on', 'Evidence for', 'Measuring', 'The role of', 'Limits on', 'Modelling'];
const ADS_JOURNALS = String.raw`\apj|\apjl|\apjs|\aj|\mnras|\aap|\pasp|\araa|\nat|\prd|\jcap|\icarus`.split('|');
const MACRO_JOURNALS = ['jcp', 'plos', 'lancet', 'ieeetpami'];
const PLAIN_JOURNALS = ['The Philosophical Quarterly', 'Mind', 'Journal of Gerontology: Series B', 'Social Science {\\&} Medicine', 'Nature Human Behaviour', 'BMJ Open', 'Ageing and Society', 'Physical Review Letters'];
const PUBLISHERS = ['acm', 'springer', 'mitpress', '{Oxford University Press}', '{Routledge}', '{Harper \\& Brothers}', 'elsevier'];
const PLACES = ['newyork', '{London}', '{Berlin}', '{Cambridge, MA}', '{Z{\\"u}rich}', 'newyork # " and " # {Boston}'];
const SCHOOLS = ['{University of Toronto}', '{ETH Z{\\"u}rich}', '{Universit{\\\'e} de Montr{\\\'e}al}', '{Massachusetts Institute of Technology}'];
const MONTH = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const WORDS = 'we present new observations of the sample and find that the rate is consistent with models of care at a distance in older adults while the data suggest a weaker effect than previously reported'.split(' ');

const STRINGS = String.raw`@string{jcp = "The Journal of Chemical Physics"}
@String{plos = {PLOS ONE}}
@STRING{lancet = "The Lancet"}
@string{ieeetpami = "IEEE Transactions on Pattern Analysis and Machine Intelligence"}
@string{acm = {ACM Press}}
@string{springer = "Springer"}
@string{mitpress = "{MIT} Press"}
@string{elsevier = {Elsevier}}
@string{newyork = "New" # " York"}
@string{procchi = "Proceedings of the {ACM} Conference on Human Factors in Computing Systems"}
`;

/**
 * `n` BibTeX entries (deterministic for a seed) as one .bib text, with its `@string` macros first and
 * the crossref parents (proceedings, collections) last, as BibTeX wants them.
 */
export function generateBibtex(n, seed = 7) {
  // mulberry32: `seeded` repeats after a few thousand draws, too soon for thousands of entries.
  const r = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const title = (i) => `${pick(OPENER)} ${pick(TOPIC)} and ${pick(TOPIC)}: {Case} ${i}`;
  const person = (style) => {
    const family = r() < 0.1 ? `${pick(VON)} ${pick(TEX_FAMILY)}` : pick(TEX_FAMILY);
    if (style == 'ads') return `{${family}}, ${pick(TEX_GIVEN)}`;
    if (style == 'first') return `${pick(TEX_GIVEN)} ${family}`;
    return r() < 0.05 ? `${family}, Jr., ${pick(TEX_GIVEN)}` : `${family}, ${pick(TEX_GIVEN)}`;
  };
  const people = (style, max) => {
    if (r() < 0.04) return pick(CORP);
    const list = Array.from({ length: int(1, max) }, () => person(style));
    return list.join(' and ') + (r() < 0.08 ? ' and others' : '');
  };
  const abstract = () => Array.from({ length: int(40, 110) }, () => pick(WORDS)).join(' ') + (r() < 0.3 ? ` (${pick(TOPIC)}).` : '.');
  const format = (type, key, fields, layout) => {
    const body = fields.filter(([, v]) => v != null);
    if (layout == 'ads') return `@${type.toUpperCase()}{${key},\n${body.map(([k, v]) => `${k.padStart(13)} = ${v}`).join(',\n')}\n}\n`;
    if (layout == 'scholar') return `@${type}{${key},\n${body.map(([k, v]) => `  ${k}={${v}}`).join(',\n')}\n}\n`;
    return `@${type}{${key},\n${body.map(([k, v]) => `\t${k} = ${v}`).join(',\n')},\n}\n`;
  };

  const parents = [];
  const nParents = Math.max(1, Math.floor(n / 40));
  for (let p = 0; p < nParents; p++) {
    const year = int(1990, 2024);
    parents.push(
      p % 2
        ? format('proceedings', `proc${p}`, [['editor', `{${people('last', 3)}}`], ['title', `procchi # " {${year}}"`], ['booktitle', `procchi # " {${year}}"`], ['publisher', 'acm'], ['address', pick(PLACES)], ['year', `{${year}}`], ['eventtitle', `{CHI ${year}}`], ['venue', '{New Orleans, LA}']], 'hand')
        : format('collection', `coll${p}`, [['editor', `{${people('last', 2)}}`], ['title', `{${pick(OPENER)} ${pick(TOPIC)}}`], ['publisher', pick(PUBLISHERS)], ['address', pick(PLACES)], ['year', `{${year}}`], ['isbn', `{978-0-${int(100, 999)}-${int(10000, 99999)}-${int(0, 9)}}`]], 'hand'),
    );
  }

  const out = [STRINGS];
  for (let i = 0; i < n - nParents; i++) {
    const year = int(1950, 2025);
    const kind = r();
    if (kind < 0.3) {
      // NASA ADS
      const journal = pick(ADS_JOURNALS);
      const vol = int(1, 990);
      const j = { apj: 'ApJ', apjl: 'ApJL', apjs: 'ApJS', aj: 'AJ', mnras: 'MNRAS', aap: 'A&A', pasp: 'PASP', araa: 'ARA&A', nat: 'Natur', prd: 'PhRvD', jcap: 'JCAP', icarus: 'Icar' }[journal.slice(1)];
      out.push(format('article', `${year}${j}${'.'.repeat(Math.max(1, 6 - j.length))}${vol}..${int(1, 999)}${String.fromCharCode(65 + (i % 26))}${i}`, [
        ['author', `{${people('ads', 6)}}`],
        ['title', `"{${title(i)}}"`],
        ['journal', `{${journal}}`],
        ['keywords', '{galaxies: active, masers, Astrophysics - Astrophysics of Galaxies}'],
        ['year', String(year)],
        ['month', pick(MONTH)],
        ['volume', `{${vol}}`],
        ['number', `{${int(1, 12)}}`],
        ['eid', `{${int(1, 300)}}`],
        ['pages', `{${int(1, 300)}}`],
        ['doi', `{10.3847/1538-4357/aa${i.toString(16)}}`],
        r() < 0.6 ? ['archivePrefix', '{arXiv}'] : [],
        r() < 0.6 ? ['eprint', `{${String(year % 100).padStart(2, '0')}0${int(1, 9)}.${int(10000, 99999)}}`] : [],
        ['primaryClass', '{astro-ph.GA}'],
        ['adsurl', `{https://ui.adsabs.harvard.edu/abs/${year}ApJ...${vol}L..12S}`],
        ['adsnote', '{Provided by the SAO/NASA Astrophysics Data System}'],
      ].filter((f) => f.length), 'ads'));
    } else if (kind < 0.55) {
      // Zotero / Better BibTeX: Unicode, abstracts, urldate, file.
      const type = pick(['article', 'article', 'book', 'inproceedings', 'incollection', 'phdthesis', 'techreport', 'online', 'misc']);
      const f = [['title', `{${title(i)}}`], ['author', `{${people('last', 5)}}`]];
      if (type == 'article') f.push(['journal', `{${pick(PLAIN_JOURNALS)}}`], ['volume', `{${int(1, 80)}}`], ['number', `{${int(1, 12)}}`], ['pages', `{${int(1, 900)}--${int(901, 999)}}`], ['issn', `{${int(1000, 9999)}-${int(1000, 9999)}}`]);
      if (type == 'book') f.push(['publisher', pick(PUBLISHERS)], ['address', pick(PLACES)], ['edition', `{${int(2, 5)}}`], ['isbn', `{978-3-${int(100, 999)}-${int(10000, 99999)}-${int(0, 9)}}`]);
      if (type == 'inproceedings' || type == 'incollection') f.push(['crossref', `{${parents.length > 1 && type == 'inproceedings' ? 'proc' + (1 + 2 * int(0, Math.floor((nParents - 2) / 2))) : 'coll' + 2 * int(0, Math.floor((nParents - 1) / 2))}}`], ['pages', `{${int(1, 400)}--${int(401, 450)}}`]);
      if (type == 'phdthesis') f.push(['school', pick(SCHOOLS)]);
      if (type == 'techreport') f.push(['institution', pick(SCHOOLS)], ['number', `{TR-${int(1, 999)}}`], ['type', '{Technical {Report}}']);
      if (type == 'online' || type == 'misc') f.push(['url', `{https://example.org/${i}/a\\_b?x=1}`], ['urldate', `{2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}}`]);
      if (r() < 0.5) f.push(['doi', `{10.1000/zotero.${i}}`]);
      f.push(['abstract', `{${abstract()}}`], ['language', pick(['{en}', '{english}', '{de}'])], ['month', pick(MONTH)], ['year', `{${year}}`]);
      f.push(['keywords', '{care, older adults, loneliness}'], ['file', `{Full Text PDF:/home/user/Zotero/storage/${i}/paper.pdf:application/pdf}`]);
      out.push(format(type, `${pick(TEX_FAMILY).replace(/\W/g, '').toLowerCase()}_${pick(OPENER).split(' ')[0].toLowerCase()}_${year}_${i}`, f, 'zotero'));
    } else if (kind < 0.75) {
      // Google Scholar: terse, every value in braces, "First Last" names.
      const type = pick(['article', 'article', 'inproceedings', 'book', 'phdthesis']);
      const f = [['title', title(i)], ['author', people('first', 4)]];
      if (type == 'article') f.push(['journal', pick(PLAIN_JOURNALS)], ['volume', String(int(1, 80))], ['number', String(int(1, 12))], ['pages', `${int(1, 900)}--${int(901, 999)}`]);
      if (type == 'inproceedings') f.push(['booktitle', `Proceedings of the ${int(1, 40)}th Conference on ${pick(TOPIC)}`], ['pages', `${int(1, 400)}--${int(401, 450)}`]);
      if (type == 'book') f.push(['publisher', pick(['Oxford University Press', 'Springer', 'MIT Press'])]);
      if (type == 'phdthesis') f.push(['school', pick(['University of Toronto', 'Stanford University'])]);
      f.push(['year', String(year)], ['publisher', pick(['Elsevier', 'Springer', 'IEEE', 'ACM'])]);
      out.push(format(type, `${pick(TEX_FAMILY).replace(/\W/g, '').toLowerCase()}${year}${pick(OPENER).split(' ')[0].toLowerCase()}${i}`, f, 'scholar'));
    } else {
      // Kept by hand: macros, #, month macros, quotes, parentheses, a comment now and then.
      const type = pick(['article', 'inproceedings', 'incollection', 'book', 'mastersthesis', 'unpublished', 'misc', 'manual', 'inbook']);
      const f = [['author', `{${people('last', 4)}}`], ['title', r() < 0.5 ? `"${title(i)}"` : `{${title(i)}}`]];
      if (type == 'article') f.push(['journal', pick(MACRO_JOURNALS)], ['volume', String(int(1, 200))], ['pages', `"${int(1, 900)}--${int(901, 999)}"`]);
      if (type == 'inproceedings') f.push(['booktitle', `procchi # " ${year}"`], ['publisher', 'acm'], ['pages', `{${int(1, 400)}--${int(401, 450)}}`]);
      if (type == 'incollection') f.push(['crossref', `{coll${2 * int(0, Math.floor((nParents - 1) / 2))}}`], ['pages', `{${int(1, 400)}--${int(401, 450)}}`]);
      if (type == 'book' || type == 'manual' || type == 'inbook') f.push(['publisher', pick(PUBLISHERS)], ['address', pick(PLACES)]);
      if (type == 'inbook') f.push(['chapter', String(int(1, 20))]);
      if (type == 'mastersthesis') f.push(['school', pick(SCHOOLS)]);
      if (type == 'unpublished') f.push(['note', '{Manuscript in preparation}']);
      if (type == 'misc') f.push(['howpublished', r() < 0.5 ? `{\\url{https://example.org/talk/${i}}}` : '{Talk at the Care Conference}']);
      f.push(['year', String(year)], ['month', pick(MONTH)]);
      if (r() < 0.3) f.push(['note', `{See also \\cite{k${i + 1}}, pp.~${int(1, 99)}--${int(100, 199)}}`]);
      out.push((r() < 0.1 ? `% ${pick(WORDS)} ${pick(WORDS)}\n` : '') + format(type, `k${i}`, f, 'hand'));
    }
  }
  return out.concat(parents).join('\n');
}
