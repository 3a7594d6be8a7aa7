// main.ts as it really starts (a child process on a real socket): HEARTH_DEMO / HEARTH_PUBLIC_URL
// (the own origin never follows the Host header), HSTS over https, and Node's header and request
// timeouts with security headers on Node's own 400/408/431 answers (issue 10, items 13 and 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { request } from 'node:http';

const MAIN = new URL('../../server/src/main.ts', import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  port: number;
  stdout: string;
  stop: () => void;
}

/** Starts main.ts with `env`; resolves once it prints its URL (or rejects with its exit code and stderr). */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HEARTH_DB: ':memory:', HEARTH_LOG: '0', HEARTH_DEMO: '', HEARTH_PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const port = /listening on port (\d+)/.exec(stdout);
      if (port) resolve({ child, port: Number(port[1]), stdout, stop: () => child.kill() });
    });
    setTimeout(() => (child.kill(), reject(new Error(`no start within 20 s: ${stdout} ${stderr}`))), 20_000).unref();
    child.on('exit', (code) => reject(Object.assign(new Error(`exited with ${code}: ${stderr}`), { code, stderr })));
  });
}

/** A request with any Host header (fetch cannot set Host). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes `data` on a raw socket and resolves with all it receives and the time until the server closed it. */
function raw(port: number, data: string | Buffer): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    socket.setEncoding('latin1');
    socket.on('data', (d) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, ms: Date.now() - t0 }));
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

const assertSecurityHeaders = (text: string) => {
  assert.match(text, /\r\nX-Content-Type-Options: nosniff\r\n/i);
  assert.match(text, /\r\nReferrer-Policy: no-referrer\r\n/i);
  assert.match(text, /\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n/i);
  assert.match(text, /\r\nPermissions-Policy: camera=\(\), microphone=\(\), geolocation=\(\)/i);
  assert.match(text, /\r\nCache-Control: no-store\r\n/i);
  assert.match(text, /\r\nConnection: close\r\n/i);
  assert.match(text, /\r\nContent-Type: application\/problem\+json\r\n/i);
};

test('HEARTH_DEMO=0 without HEARTH_PUBLIC_URL: exit code 2 and a message naming the variable', async () => {
  const e = await start({ HEARTH_DEMO: '0' }).then(
    (s) => (s.stop(), assert.fail('started')),
    (err: { code: number; stderr: string }) => err,
  );
  assert.equal(e.code, 2);
  assert.match(e.stderr, /HEARTH_PUBLIC_URL is required when HEARTH_DEMO=0/);
});

const KEY = Buffer.alloc(32, 7).toString('base64');

test('HEARTH_DEMO=0 without HEARTH_DATA_KEY: exit code 2 and a message saying how to make one', async () => {
  const e = await start({ HEARTH_DEMO: '0', HEARTH_PUBLIC_URL: 'https://care.example', HEARTH_DATA_KEY: '' }).then(
    (s) => (s.stop(), assert.fail('started')),
    (err: { code: number; stderr: string }) => err,
  );
  assert.equal(e.code, 2);
  assert.match(e.stderr, /HEARTH_DATA_KEY is required when HEARTH_DEMO=0/);
  assert.match(e.stderr, /openssl rand -base64 32/);
});

test('a HEARTH_DATA_KEY that is not 32 bytes of base64 is refused (exit 2)', async () => {
  const e = await start({ HEARTH_DEMO: '0', HEARTH_PUBLIC_URL: 'https://care.example', HEARTH_DATA_KEY: 'c2hvcnQ=' }).then(
    (s) => (s.stop(), assert.fail('started')),
    (err: { code: number; stderr: string }) => err,
  );
  assert.equal(e.code, 2);
  assert.match(e.stderr, /HEARTH_DATA_KEY: expected 32 random bytes/);
});

test('HEARTH_DEMO=2 is refused (exit 2)', async () => {
  const e = await start({ HEARTH_DEMO: 'yes' }).then(
    (s) => (s.stop(), assert.fail('started')),
    (err: { code: number; stderr: string }) => err,
  );
  assert.equal(e.code, 2);
  assert.match(e.stderr, /HEARTH_DEMO/);
});

test('production start: links, CORS and CSRF follow HEARTH_PUBLIC_URL, never Host; HSTS; no demo data', async () => {
  const s = await start({ HEARTH_DEMO: '0', HEARTH_PUBLIC_URL: 'https://care.example', HEARTH_ALLOWED_ORIGINS: 'https://partner.example', HEARTH_DATA_KEY: KEY });
  try {
    assert.match(s.stdout, /https:\/\/care\.example\//);
    const session = await get(s.port, '/api/session', { Host: 'evil.example', Origin: 'http://evil.example' });
    assert.equal(session.status, 200);
    const body = JSON.parse(session.body) as { loginUrl: string; signupUrl: string };
    assert.equal(body.loginUrl, 'https://care.example/login');
    assert.equal(session.headers['access-control-allow-origin'], undefined, 'no credentialed CORS for the Host-named origin');
    assert.equal(session.headers['strict-transport-security'], 'max-age=31536000');
    const own = await get(s.port, '/api/session', { Host: 'evil.example', Origin: 'https://care.example' });
    assert.equal(own.headers['access-control-allow-origin'], 'https://care.example');
    // A cookie write whose Origin is the one the Host header names: CSRF refused.
    const write = await get(s.port, '/api/logout', { Host: 'evil.example', Origin: 'http://evil.example', Cookie: 'hearth_session=x' }, 'POST');
    assert.equal(write.status, 403);
    // No demo data in a production start.
    assert.deepEqual(JSON.parse((await get(s.port, '/api/specialists')).body), []);
  } finally {
    s.stop();
  }
});

test('demo start without HEARTH_PUBLIC_URL: the public URL is http://localhost:<port>, printed, and Host is ignored', async () => {
  const s = await start({});
  try {
    assert.match(s.stdout, new RegExp(`hearth demo: http://localhost:${s.port}/`));
    const session = await get(s.port, '/api/session', { Host: 'evil.example' });
    assert.equal((JSON.parse(session.body) as { loginUrl: string }).loginUrl, `http://localhost:${s.port}/login`);
    assert.equal(session.headers['strict-transport-security'], undefined, 'no HSTS over http');
    assert.ok((JSON.parse((await get(s.port, '/api/specialists')).body) as unknown[]).length >= 2, 'demo data');
  } finally {
    s.stop();
  }
});

test('timeouts: headers that never complete → 408 within HEARTH_HEADERS_TIMEOUT_MS, a body that never completes → 408 within HEARTH_REQUEST_TIMEOUT_MS; Node\'s 400/431 carry the security headers too', async () => {
  const s = await start({ HEARTH_HEADERS_TIMEOUT_MS: '400', HEARTH_REQUEST_TIMEOUT_MS: '1000', HEARTH_PUBLIC_URL: 'https://care.example' });
  try {
    const [headers, body, malformed, huge] = await Promise.all([
      raw(s.port, 'GET /api/session HTTP/1.1\r\nHost: x\r\nX-Slow: '),
      raw(s.port, 'POST /api/consultations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"body":'),
      raw(s.port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      raw(s.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    ]);
    assert.match(headers.text, /^HTTP\/1\.1 408 /);
    assertSecurityHeaders(headers.text);
    assert.match(headers.text, /\r\nStrict-Transport-Security: max-age=31536000\r\n/);
    assert.match(headers.text, /"status":408/);
    assert.ok(headers.ms >= 350 && headers.ms < 2500, `headers: closed after ${headers.ms} ms`);

    assert.match(body.text, /^HTTP\/1\.1 408 /);
    assertSecurityHeaders(body.text);
    assert.ok(body.ms >= 900 && body.ms < 3500, `body: closed after ${body.ms} ms`);

    assert.match(malformed.text, /^HTTP\/1\.1 400 /);
    assertSecurityHeaders(malformed.text);
    assert.match(huge.text, /^HTTP\/1\.1 431 /);
    assertSecurityHeaders(huge.text);
    // The server goes on answering.
    assert.equal((await get(s.port, '/api/session')).status, 200);
  } finally {
    s.stop();
  }
});

test('a header timeout longer than the request timeout is refused at start', async () => {
  const e = await start({ HEARTH_HEADERS_TIMEOUT_MS: '5000', HEARTH_REQUEST_TIMEOUT_MS: '1000' }).then(
    (s) => (s.stop(), assert.fail('started')),
    (err: { code: number; stderr: string }) => err,
  );
  assert.equal(e.code, 2);
  assert.match(e.stderr, /HEARTH_HEADERS_TIMEOUT_MS/);
});
