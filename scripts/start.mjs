// npm start (after the build): serves the demo page and the built widgets, prints the URL.
// PORT sets the port (default 8080; 0 picks a free one).
import { createStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 8080);
const server = createStaticServer([
  ['/dist/', 'dist'],
  ['/', 'demo'],
]);
server.listen(port, () => {
  console.log(`hearth demo: http://localhost:${server.address().port}/`);
});
