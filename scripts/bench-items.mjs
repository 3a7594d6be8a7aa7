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
