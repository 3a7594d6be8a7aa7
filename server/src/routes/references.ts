// GET /api/references/{listId}: a CSL-JSON array, each item may carry an `annotation`.
import { problem } from '../problem.js';
import { send, type Deps, type Router } from '../http.js';

const LIST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function referenceRoutes(r: Router, deps: Deps): void {
  r.on('GET', '/api/references/:listId', async (c) => {
    const id = c.req.param('listId') ?? '';
    const items = LIST_ID.test(id) ? await deps.store.references.get(id) : undefined;
    if (!items) return send(problem(404, 'There is no references list with this id.', { name: 'list-not-found', title: 'List not found' }));
    return send({ status: 200, body: items }, { 'Cache-Control': 'public, max-age=300' });
  });
}
