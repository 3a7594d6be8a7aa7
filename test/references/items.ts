/** CSL-JSON items shared by the references tests. */
export const FROMM = {
  id: 'fromm1956',
  type: 'book',
  title: 'The Art of Loving',
  author: [{ family: 'Fromm', given: 'Erich' }],
  issued: { 'date-parts': [[1956]] },
  publisher: 'Harper & Brothers',
  annotation: 'Love as a <em>practice</em>.',
};
export const JACKSON = {
  id: 'jackson1982',
  type: 'article-journal',
  title: 'Epiphenomenal Qualia',
  author: [{ family: 'Jackson', given: 'Frank' }],
  issued: { 'date-parts': [[1982]] },
  'container-title': 'The Philosophical Quarterly',
  volume: 32,
  issue: 127,
  page: '127-136',
  DOI: '10.2307/2960077',
};
export const ADAMS = { id: 'adams', type: 'book', title: 'Zebra', author: [{ family: 'Adams', given: 'Ann' }], issued: { 'date-parts': [[2001]] } };
