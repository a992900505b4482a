/**
 * Small, total helpers over the DOM: they read `textContent` and attributes only, never layout, and
 * never throw (a selector the DOM implementation rejects counts as "nothing found").
 */

/** Fold runs of white space (including NBSP) into one space and trim; empty becomes null. */
export function fold(text: string | null | undefined, max = 2000): string | null {
  if (typeof text !== 'string') return null;
  const folded = text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (!folded) return null;
  return folded.length > max ? folded.slice(0, max).trim() : folded;
}

export function queryAll(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function query(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** First element of the first selector that matches. */
export function first(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = query(root, selector);
    if (found) return found;
  }
  return null;
}

export function textOf(el: Element | null | undefined): string | null {
  return el ? fold(el.textContent) : null;
}

export function attrOf(el: Element | null | undefined, name: string): string | null {
  return el ? fold(el.getAttribute(name)) : null;
}

/** First non-empty text of the first selector that has one. */
export function firstText(root: ParentNode | null | undefined, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    for (const el of queryAll(root, selector)) {
      const text = textOf(el);
      if (text) return text;
    }
  }
  return null;
}

/** `<meta property|name=… content=…>` */
export function metaContent(doc: Document, key: string): string | null {
  return attrOf(query(doc, `meta[property="${key}"], meta[name="${key}"]`), 'content');
}

/** An absolute http(s) URL, resolved against `base`, or null. */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
