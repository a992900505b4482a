/**
 * Structured data a LinkedIn page carries: JSON-LD blocks (public view) and the member view's
 * embedded `<code id="bpr-guid-…">` JSON responses. Both are read as text and parsed defensively.
 */
import { fold, queryAll } from './dom';
import { SELECTORS } from './selectors';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text.trim().replace(/^<!--|-->$/g, '')) as unknown;
  } catch {
    return null;
  }
}

/** Folded text of a string value (or the first string of an array), else null. */
export function str(value: unknown, max = 2000): string | null {
  if (typeof value === 'string') return fold(value, max);
  if (Array.isArray(value)) return str(value[0], max);
  return null;
}

export function first<T = JsonObject>(value: unknown): T | null {
  const candidate: unknown = Array.isArray(value) ? value[0] : value;
  return isObject(candidate) ? (candidate as T) : null;
}

function typeIs(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** Every JSON-LD node of `type`, flattening top-level arrays and `@graph`. */
export function jsonLdNodes(doc: Document, type: string): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of queryAll(doc, SELECTORS.jsonLd[0])) {
    const parsed = parseJson(script.textContent);
    const roots = Array.isArray(parsed) ? parsed : [parsed];
    for (const root of roots) {
      if (!isObject(root)) continue;
      const graph = root['@graph'];
      for (const node of Array.isArray(graph) ? graph : [root]) {
        if (isObject(node) && typeIs(node, type)) nodes.push(node);
      }
    }
  }
  return nodes;
}

/**
 * The member view's profile entity for `slug`, from the embedded JSON blocks. Only an entity whose
 * `publicIdentifier` is the viewed profile counts: the same page also embeds the *viewer's* own
 * profile (`/voyager/api/me`), which must never be mistaken for the person on the page.
 */
export function embeddedProfile(doc: Document, slug: string | null): JsonObject | null {
  if (!slug) return null;
  const needle = `"publicidentifier":"${slug.toLowerCase()}"`;
  for (const block of queryAll(doc, SELECTORS.embeddedJson[0])) {
    const text = block.textContent ?? '';
    if (!text.toLowerCase().includes(needle)) continue;
    const parsed = parseJson(text);
    const included = isObject(parsed) ? parsed['included'] : null;
    if (!Array.isArray(included)) continue;
    for (const entity of included) {
      if (!isObject(entity)) continue;
      const id = entity['publicIdentifier'];
      if (typeof id === 'string' && id.toLowerCase() === slug && typeof entity['firstName'] === 'string') {
        return entity;
      }
    }
  }
  return null;
}
