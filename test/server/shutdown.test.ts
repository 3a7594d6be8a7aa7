// Graceful shutdown of main.ts as it really runs (a child process on a real socket): on SIGTERM a
// request in flight still gets its 200, new connections are refused, the database is closed
// (the SQLite WAL file is checkpointed away) and the process exits 0 within 10 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../server/src/main.ts', import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HEARTH_LOG: '0', HEARTH_DEMO: '1', HEARTH_PUBLIC_URL: '', HEARTH_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no start within 20 s: ${out}`))), 20_000);
    child.stdout!.on('data', () => {
      const port = /listening on port (\d+)/.exec(out);
      if (port) {
        clearTimeout(timer);
        resolve({ child, port: Number(port[1]), output: () => out, exited });
      }
    });
    void exited.then(({ code }) => (clearTimeout(timer), reject(new Error(`exited with ${code}: ${out}`))));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Everything the socket receives until the server closes it. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

test('SIGTERM: the request in flight finishes with 200, new connections are refused, the store is closed, exit 0 within 10 s', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-shutdown-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'hearth.db');
  const server = await start({ HEARTH_DB: db });
  t.after(() => server.child.kill('SIGKILL'));
  const origin = `http://localhost:${server.port}`;
  assert.ok(existsSync(`${db}-wal`), 'SQLite runs in WAL mode while open');

  // A sign-in from the popup (200, a page with a one-time code), its body sent in two halves.
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
  const body = new URLSearchParams({ email: 'demo@example.com', password: 'demo1234', origin, challenge }).toString();
  const socket = await open(server.port);
  const answer = readAll(socket);
  socket.write(
    `POST /login HTTP/1.1\r\nHost: localhost:${server.port}\r\nOrigin: ${origin}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body.slice(0, 20),
  );
  await sleep(300); // the handler is reading the body

  const signalled = Date.now();
  server.child.kill('SIGTERM');
  await sleep(300);
  await assert.rejects(open(server.port), /ECONNREFUSED/, 'no new connections once stopping');
  assert.equal(server.child.exitCode, null, 'still running: a request is in flight');

  socket.write(body.slice(20));
  const text = await answer;
  assert.match(text, /^HTTP\/1\.1 200 /);
  assert.match(text, /\r\nconnection: close\r\n/i, 'the answer closes its connection');
  assert.match(text, /data-code="[^"]+"/);

  const { code, at } = await server.exited;
  assert.equal(code, 0, server.output());
  assert.ok(at - signalled < 10_000, `exited ${at - signalled} ms after SIGTERM`);
  assert.match(server.output(), /SIGTERM: stopping; 1 request in flight/);
  assert.ok(!existsSync(`${db}-wal`), 'the database was closed (its WAL checkpointed and removed)');
});

test('SIGINT with an idle keep-alive connection open: it does not hold the shutdown; exit 0 at once', async (t) => {
  const server = await start({ HEARTH_DB: ':memory:' });
  t.after(() => server.child.kill('SIGKILL'));
  const socket = await open(server.port);
  const answer = readAll(socket);
  socket.write(`GET /api/session HTTP/1.1\r\nHost: localhost:${server.port}\r\n\r\n`);
  await sleep(300); // answered; the connection stays open (keep-alive)
  const signalled = Date.now();
  server.child.kill('SIGINT');
  const { code, at } = await server.exited;
  assert.equal(code, 0, server.output());
  assert.ok(at - signalled < 2_000, `exited ${at - signalled} ms after SIGINT`);
  assert.match(await answer, /^HTTP\/1\.1 200 /);
});
