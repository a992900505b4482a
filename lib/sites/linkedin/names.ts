/**
 * Splitting a full name when the page gives no structured first/last name.
 *
 * Rule (documented, deliberately simple):
 * 1. Drop parenthesised or bracketed parts ("Julian (Beisenkötter) Amelung" → "Julian Amelung")
 *    and anything after the first comma (credentials: "Jane Doe, PhD" → "Jane Doe").
 * 2. The last word is the last name. Lower-case particles just before it join it, so
 *    "Ludwig van Beethoven" → "Ludwig" / "van Beethoven", "Maria de la Cruz" → "Maria" / "de la Cruz".
 * 3. Everything before is the first name. A single word is a last name only (Salesforce requires
 *    LastName), with firstName null.
 * Multi-word surnames without particles ("Alvarez Nowak") cannot be told from middle names; only
 * structured data gets those right.
 */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten',
  'bin', 'ibn', 'al', 'af', 'zu', 'st', 'st.',
]);

export interface SplitName {
  firstName: string | null;
  lastName: string | null;
}

export function splitFullName(fullName: string | null): SplitName {
  if (!fullName) return { firstName: null, lastName: null };
  const cleaned = fullName
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(',')[0]!
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned ? cleaned.split(' ') : [];
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: null, lastName: words[0]! };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start -= 1;
  return { firstName: words.slice(0, start).join(' '), lastName: words.slice(start).join(' ') };
}
