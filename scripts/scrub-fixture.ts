/**
 * `tsx scripts/scrub-fixture.ts --url <URL> <real-page.html> <out.html>`
 *
 * Turns a real LinkedIn page into a committable fixture: keeps the tags and the attributes our
 * parser reads, replaces the person's (or company's) values with fixed placeholders, every other
 * text with numbered `Text N` placeholders, other members' profile links with `/in/member-N`, and
 * images with placeholder URLs. Scripts go (except JSON-LD and the embedded profile JSON, both
 * rewritten the same way), as do styles, SVG, iframes and comments. Deterministic: same input,
 * same output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { placeholdersFor, Scrubber } from './scrub-values';
import { SELECTORS } from '../lib/sites/linkedin/selectors';
import { parseSavedPage } from './parse';

const DROP = 'style, svg, iframe, noscript, template, link:not([rel="canonical"]), script:not([type="application/ld+json"]), code:not([id^="bpr-guid-"])';
const KEEP_ATTRS = new Set([
  'class', 'id', 'href', 'src', 'content', 'property', 'name', 'rel', 'type', 'http-equiv', 'lang', 'dir',
  'aria-label', 'aria-hidden', 'title', 'alt', 'data-section', 'data-test-id', 'data-view-name', 'data-member-id',
  'data-field', 'data-generated-suggestion-target', 'data-delayed-url', 'data-li-src', 'charset',
]);
/** Class tokens the selector table names (and ghost-photo markers); other tokens are dropped. */
const READ_CLASSES = new Set(JSON.stringify(SELECTORS).match(/(?<=\.)[a-z][\w-]*/gi) ?? []);
const keepClass = (value: string) => value.split(/\s+/).filter((t) => READ_CLASSES.has(t) || /ghost/.test(t)).join(' ');
const TEXT_ATTRS = new Set(['aria-label', 'title', 'alt', 'content']);
const URL_ATTRS = new Set(['href', 'src', 'data-delayed-url', 'data-li-src']);

function scrubElement(el: Element, s: Scrubber): void {
  for (const { name, value } of Array.from(el.attributes)) {
    if (!KEEP_ATTRS.has(name)) el.removeAttribute(name);
    else if (name === 'class') {
      const kept = keepClass(value);
      if (kept) el.setAttribute('class', kept);
      else el.removeAttribute('class');
    }
    else if (name === 'content' && /^(pageKey|robots|viewport|locale|charset)$/.test(el.getAttribute('name') ?? '')) continue;
    else if (URL_ATTRS.has(name) || (name === 'content' && /^https?:/.test(value))) el.setAttribute(name, s.url(value));
    else if (TEXT_ATTRS.has(name)) el.setAttribute(name, s.text(value, 42));
    else if (name === 'data-member-id' || name === 'data-generated-suggestion-target') el.setAttribute(name, '1');
  }
}

function scrubJsonBlock(el: Element, s: Scrubber): void {
  const raw = el.textContent ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.trim());
  } catch {
    el.remove();
    return;
  }
  if (el.tagName.toLowerCase() === 'code') {
    const included = (parsed as { included?: unknown[] }).included ?? [];
    const profiles = included.filter((e) => typeof e === 'object' && e !== null && 'publicIdentifier' in e && 'firstName' in e);
    if (!profiles.length) return void el.remove();
    const keep = ['$type', 'publicIdentifier', 'firstName', 'lastName', 'headline'];
    parsed = { data: {}, included: profiles.map((p) => Object.fromEntries(keep.filter((k) => k in p).map((k) => [k, (p as Record<string, unknown>)[k]]))) };
  }
  el.textContent = JSON.stringify(s.json(parsed));
}

export function scrubHtml(html: string, url: string): string {
  const { output } = parseSavedPage(html, url);
  const s = new Scrubber(placeholdersFor(output));
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(document.querySelectorAll('script, code'))) scrubJsonBlock(el, s);
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8) child.remove();
      else if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        child.textContent = text.trim() ? ` ${s.text(text, 12)} ` : ' ';
      } else if (child.nodeType === 1) {
        const el = child as Element;
        scrubElement(el, s);
        if (/^(script|code)$/i.test(el.tagName)) continue;
        // A leaf's text is judged whole: the parser may split it at entities ("Lead &amp; Dev").
        if (el.children.length === 0 && el.childNodes.length > 1) el.textContent = el.textContent ?? '';
        walk(el);
      }
    }
  };
  walk(document);
  return `<!doctype html>\n${document.documentElement.outerHTML.replace(/\s{2,}/g, ' ')}\n`;
}

const [flag, url, input, out] = process.argv.slice(2);
if (process.argv[1]?.endsWith('scrub-fixture.ts')) {
  if (flag !== '--url' || !url || !input || !out) {
    process.stderr.write('usage: tsx scripts/scrub-fixture.ts --url <URL> <real-page.html> <out.html>\n');
    process.exitCode = 2;
  } else {
    writeFileSync(out, scrubHtml(readFileSync(input, 'utf8'), url));
  }
}
