// Checks responses against server/openapi.yaml: the status is documented for the operation, the
// content type matches, required headers are present, and the body validates (ajv 2020 +
// ajv-formats; $refs resolve within the document).
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export const openapi = parse(readFileSync(new URL('../../server/openapi.yaml', import.meta.url), 'utf8')) as Json;
const DOC_ID = 'https://hearth.test/openapi.json';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(openapi, DOC_ID);

const pointer = (parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function at(ptr: string): Json {
  let node: unknown = openapi;
  for (const raw of ptr.replace(/^#\//, '').split('/')) {
    node = (node as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    assert.ok(node !== undefined, `openapi.yaml: no ${ptr}`);
  }
  return node as Json;
}

/** Follows a `$ref` (non-schema objects: responses, headers, parameters); returns the object and its pointer. */
function deref(obj: Json, ptr: string): [Json, string] {
  while (typeof obj.$ref === 'string') {
    ptr = obj.$ref;
    obj = at(ptr);
  }
  return [obj, ptr];
}

const validators = new Map<string, ReturnType<Ajv2020['compile']>>();
function validatorAt(ptr: string) {
  let v = validators.get(ptr);
  if (!v) validators.set(ptr, (v = ajv.compile({ $ref: DOC_ID + ptr })));
  return v;
}

/** Paths of the document as regexes, to map a concrete path to its template. */
const templates = Object.keys(openapi.paths as Json).map((t) => ({
  template: t,
  re: new RegExp('^' + t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

/** The documented path template for a concrete path (query ignored), or undefined. */
export function templateOf(path: string): string | undefined {
  const p = path.split('?')[0]!;
  return templates.find((t) => t.re.test(p))?.template;
}

export interface Checked {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON for JSON media types, else the text. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const isJson = (type: string) => /^application\/(.+\+)?json$/.test(type);

/** Validates `response` as an answer of `method pathTemplate` and returns its parsed body. */
export async function checkResponse(method: string, pathTemplate: string, response: Response): Promise<Checked> {
  const text = await response.text();
  const where = `${method} ${pathTemplate} → ${response.status}`;
  const pathItem = (openapi.paths as Json)[pathTemplate] as Json | undefined;
  assert.ok(pathItem, `${where}: path not in openapi.yaml`);
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const op = pathItem[m] as Json | undefined;
  assert.ok(op, `${where}: operation not in openapi.yaml`);
  const responses = op.responses as Json;
  const key = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find((k) => k in responses);
  assert.ok(key, `${where}: status not documented (documented: ${Object.keys(responses).join(', ')}); body: ${text.slice(0, 300)}`);
  const basePtr = pointer(['paths', pathTemplate, m, 'responses', key]);
  const [def, defPtr] = deref(responses[key] as Json, basePtr);
  return checkAgainst(where, def, defPtr, response, text, method);
}

/** For answers outside any operation (unknown path: 404; known path, other method: 405). */
export async function checkGenericProblem(status: 404 | 405, response: Response, method = 'GET'): Promise<Checked> {
  const text = await response.text();
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${text.slice(0, 200)}`);
  const name = status === 404 ? 'NotFound' : 'MethodNotAllowed';
  const ptr = `#/components/responses/${name}`;
  return checkAgainst(`generic ${status}`, at(ptr), ptr, response, text, method);
}

function checkAgainst(where: string, def: Json, defPtr: string, response: Response, text: string, method: string): Checked {
  for (const [name, h] of Object.entries((def.headers ?? {}) as Json)) {
    const [header, hPtr] = deref(h as Json, `${defPtr}/headers/${name}`);
    const value = response.headers.get(name);
    if (header.required) assert.ok(value !== null, `${where}: header ${name} is required`);
    if (value !== null && header.schema) {
      const v = validatorAt(`${hPtr}/schema`);
      assert.ok(v(value), `${where}: header ${name}: ${JSON.stringify(value)}: ${ajv.errorsText(v.errors)}`);
    }
  }
  const content = def.content as Json | undefined;
  let body: unknown = text;
  if (!content) {
    assert.equal(text, '', `${where}: no body documented, got ${text.slice(0, 100)}`);
  } else if (method.toUpperCase() !== 'HEAD') {
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    assert.ok(type in content, `${where}: content type ${type || '(none)'} not documented (documented: ${Object.keys(content).join(', ')})`);
    if (isJson(type)) {
      try {
        body = JSON.parse(text);
      } catch {
        assert.fail(`${where}: body is not JSON: ${text.slice(0, 100)}`);
      }
    }
    const media = content[type] as Json;
    if (media.schema) {
      const v = validatorAt(`${defPtr}/content/${type.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`);
      assert.ok(v(body), `${where}: body does not match the schema: ${ajv.errorsText(v.errors)}\n${text.slice(0, 500)}`);
    }
  }
  return { status: response.status, headers: response.headers, text, body };
}
