// Names, lone surrogates and common passwords (server/src/text-rules.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hasLoneSurrogate, isCleanName, isCommonPassword, loneSurrogatePaths, MIN_PASSWORD_LENGTH, nameIssue } from '../../server/src/text-rules.js';

test('isCleanName: letters of every script, emoji and joiners are fine', () => {
  for (const name of ['Ada Lovelace', 'Олена Коваленко', 'محمد', 'שׂרה', '李小龍', 'Zoë-Åsa O’Neil', 'Sam 👩🏽‍⚕️', 'क्षत्रिय']) assert.ok(isCleanName(name), name);
});

test('isCleanName: bidi overrides and isolates, separators, controls and lone surrogates are refused', () => {
  const bad: Array<[string, string]> = [
    ['Ada\u202Egnp.exe', 'bidi'],
    ...['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'].map((ch) => [`Ada${ch}x`, 'bidi'] as [string, string]),
    ['Ada\u2028Admin', 'line'],
    ['Ada\u2029', 'line'],
    ['Ada\nAdmin', 'control'],
    ['Ada\u0000', 'control'],
    ['Ada\u007F', 'control'],
    ['Ada\u0085', 'control'],
    ['Ada\u009B', 'control'],
    ['Ada\uD800', 'surrogate'],
    ['\uDC00Ada', 'surrogate'],
  ];
  for (const [name, issue] of bad) {
    assert.equal(isCleanName(name), false, JSON.stringify(name));
    assert.equal(nameIssue(name), issue, JSON.stringify(name));
  }
});

test('hasLoneSurrogate: pairs are fine, lone highs and lows anywhere are not', () => {
  assert.equal(hasLoneSurrogate('😀 ok \uD83D\uDE00'), false);
  for (const s of ['\uD800', 'a\uD800b', 'a\uDFFF', '\uDE00\uD83D', '\uD83D\uD83D\uDE00'.slice(0, 1) + 'x']) assert.ok(hasLoneSurrogate(s), JSON.stringify(s));
  assert.ok(hasLoneSurrogate(JSON.parse('"\\ud800"') as string));
});

test('loneSurrogatePaths: the field paths of every string (values and keys) in a parsed body', () => {
  const body = JSON.parse('{"name":"ok","note":"a\\udc00","list":[{"t":"\\ud800"},"x"],"\\ud801k":1,"deep":{"a":{"b":"\\udfff"}}}');
  assert.deepEqual(loneSurrogatePaths(body), ['note', 'list.0.t', '\uFFFDk', 'deep.a.b']);
  assert.deepEqual(loneSurrogatePaths(JSON.parse('"\\ud800"')), ['']);
  assert.deepEqual(loneSurrogatePaths({ a: [1, null, true, 'fine 😀'] }), []);
});

test('isCommonPassword: the bundled list of the 10,000 most common passwords', () => {
  const lines = readFileSync(new URL('../../server/src/common-passwords.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
  assert.equal(lines.length, 10_000);
  for (const pw of ['password', 'Password', 'PASSWORD1', '12345678', 'qwertyuiop', 'iloveyou', 'sunshine', 'football', 'baseball']) assert.ok(isCommonPassword(pw), pw);
  for (const pw of ['correct horse battery staple', 'Tr0ub4dor&3-x', 'hearth-2026-xyz', '']) assert.equal(isCommonPassword(pw), false, pw);
  assert.equal(MIN_PASSWORD_LENGTH, 8);
});

test('loneSurrogatePaths: any nesting depth (no stack overflow), at most 20 paths', () => {
  const deep = JSON.parse(`${'['.repeat(8000)}"\\ud800"${']'.repeat(8000)}`);
  assert.deepEqual(loneSurrogatePaths(deep), [Array(8000).fill('0').join('.')]);
  assert.deepEqual(loneSurrogatePaths(JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)), []);
  assert.equal(loneSurrogatePaths(Array(50).fill('\uD800')).length, 20);
});
