import { HEAD_STEMS, TAIL_STEMS } from './title-stems';
import { EN_PHRASES, EN_WORDS } from './title-words';
import { INTL_PHRASES, INTL_WORDS } from './title-words-intl';
import type { Token } from './tokenize';
import type { Signal } from './types';

/** One table entry that fired, at a token position. */
export interface Hit {
  key: string;
  signal: Signal;
  pos: number;
}

// Maps, not object lookups: a title word like `constructor` must not reach Object.prototype.
const WORDS = new Map<string, Signal>([...Object.entries(EN_WORDS), ...Object.entries(INTL_WORDS)]);
const PHRASES = new Map<string, Signal>([...Object.entries(EN_PHRASES), ...Object.entries(INTL_PHRASES)]);
const MAX_PHRASE = Math.max(...[...PHRASES.keys()].map((key) => key.split(' ').length));
const TAILS = Object.entries(TAIL_STEMS).sort(([a], [b]) => b.length - a.length);
const HEADS = Object.entries(HEAD_STEMS).sort(([a], [b]) => b.length - a.length);

type Found = Omit<Hit, 'pos'>;

/** The longest head and the longest tail stem of a compound word. */
function compoundParts(text: string): Found[] {
  const found: Found[] = [];
  const head = HEADS.find(([stem]) => text.length > stem.length && text.startsWith(stem));
  if (head) found.push({ key: `head:${head[0]}-`, signal: head[1] });
  const tail = TAILS.find(([stem]) => text.endsWith(stem));
  if (tail) found.push({ key: `tail:-${tail[0]}`, signal: tail[1] });
  return found;
}

/** Word table first; then compound stems; a German feminine `-in` retries without it. */
function lookupToken(token: Token): Found[] {
  const stems = compoundParts(token.text);
  // `IT-chef`, `IT-Leiter`: the part after the hyphen is a compound tail, not a bare word.
  if (token.tail && stems.some((found) => found.key.startsWith('tail:'))) return stems;
  const word = WORDS.get(token.text);
  const found = word ? [{ key: `word:${token.text}`, signal: word }] : stems;
  if (found.some((hit) => hit.signal.seniority) || token.text.length <= 5 || !token.text.endsWith('in')) {
    return found;
  }
  const masculine = lookupToken({ text: token.text.slice(0, -2), tail: token.tail });
  return masculine.some((hit) => hit.signal.seniority) ? masculine : found;
}

/** Phrases (longest first) consume their tokens; the remaining tokens are looked up alone. */
export function lookupHits(tokens: Token[]): Hit[] {
  const hits: Hit[] = [];
  const texts = tokens.map((token) => token.text);
  let pos = 0;
  while (pos < tokens.length) {
    let consumed = 0;
    for (let len = Math.min(MAX_PHRASE, tokens.length - pos); len >= 2 && !consumed; len--) {
      const key = texts.slice(pos, pos + len).join(' ');
      const signal = PHRASES.get(key);
      if (signal) {
        hits.push({ key: `phrase:${key}`, signal, pos });
        consumed = len;
      }
    }
    if (!consumed) {
      const token = tokens[pos];
      if (token) hits.push(...lookupToken(token).map((found) => ({ ...found, pos })));
      consumed = 1;
    }
    pos += consumed;
  }
  return hits;
}
