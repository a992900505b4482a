/** Longest title we read: anything past this is not a job title. */
export const MAX_TITLE_CHARS = 200;
/** Most tokens we look at, so the phrase scan stays bounded whatever the input. */
export const MAX_TOKENS = 40;

export interface Token {
  text: string;
  /** The last part of a hyphenated word (`IT-chef`, `HR-specialist`): read as a compound tail first. */
  tail: boolean;
}

/** Case- and accent-insensitive form: NFKD, marks dropped, lower case, `ß` → `ss`. Tags removed. */
export function foldTitle(raw: string): string {
  return raw
    .slice(0, MAX_TITLE_CHARS * 5)
    .replace(/<[^>]*>/g, ' ')
    .slice(0, MAX_TITLE_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o');
}

/** `VP Sales at Acme`, `CEO | Acme`, `Leiter IT bei Acme`: the company part is not the title. */
const COMPANY_SEPARATOR = /\s(?:at|bei|chez)\s|[|@]/;

/** Letters only; hyphens split a word into parts but mark the last one as a compound tail. */
export function tokenize(raw: string): Token[] {
  const folded = foldTitle(raw);
  const title = folded.split(COMPANY_SEPARATOR).find((part) => /\p{L}/u.test(part)) ?? '';
  const tokens: Token[] = [];
  for (const word of title.split(/[^\p{L}-]+/u)) {
    const parts = word.split('-').filter((part) => part.length > 0);
    parts.forEach((text, i) => tokens.push({ text, tail: i > 0 && i === parts.length - 1 }));
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens.slice(0, MAX_TOKENS);
}
