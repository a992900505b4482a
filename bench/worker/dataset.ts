import type { AccountInput } from '../../lib/db/accounts';
import type { ContactInput } from '../../lib/db/contacts';
import { seededRandom } from '../../lib/testing/seeded-random';

/**
 * Deterministic, seeded bench data. Runs inside the extension's service worker (imported by
 * lib/testing/bench-hooks.ts), so it must stay free of Node APIs. Every account has its own
 * registrable domain and LinkedIn page; every contact its own email and LinkedIn URL.
 */
export interface StoreDataset {
  accounts: AccountInput[];
  /** Contacts without `accountId`; `accountOf[i]` is the index of contact i's account. */
  contacts: ContactInput[];
  accountOf: number[];
}


const ADJECTIVES = ['Blue', 'Bright', 'North', 'Quiet', 'Rapid', 'Silver', 'Green', 'Prime', 'Clear', 'Bold', 'Urban', 'Solid'];
const NOUNS = ['River', 'Harbor', 'Peak', 'Forge', 'Field', 'Signal', 'Bridge', 'Anchor', 'Summit', 'Cloud', 'Stone', 'Pixel'];
const SUFFIXES = ['Inc.', 'GmbH', 'Ltd', 'LLC', 'SA', ''];
const TLDS = ['com', 'io', 'co.uk', 'de', 'fr', 'com.au'];
const INDUSTRIES = ['Software', 'Manufacturing', 'Retail', 'Finance', 'Healthcare', 'Logistics'];
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000'];
const CITIES = [['London', 'GB'], ['Berlin', 'DE'], ['Paris', 'FR'], ['Austin', 'US'], ['Sydney', 'AU']] as const;
const FIRST = ['Ada', 'Ben', 'Chloe', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jonas', 'Kara', 'Liam', 'Mia', 'Noah'];
const LAST = ['Smith', 'Meyer', 'Dubois', 'Garcia', 'Rossi', 'Novak', 'Jensen', 'Silva', 'Brown', 'Kowalski', 'Tanaka', 'Olsen'];
const TITLES = [
  ['VP Sales', 'vp', 'sales'], ['Head of Marketing', 'director', 'marketing'], ['CTO', 'c-level', 'it-engineering'],
  ['Account Executive', 'individual', 'sales'], ['Finance Manager', 'manager', 'finance'], ['COO', 'c-level', 'operations'],
] as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** The domain of account `i` (what a by-domain look-up asks for). */
export function accountDomain(i: number): string {
  const word = `${ADJECTIVES[i % ADJECTIVES.length]}${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]}`.toLowerCase();
  return `${word}-${i}.${TLDS[i % TLDS.length]}`;
}

export function generateStoreDataset(accountCount: number, contactCount: number, seed: number): StoreDataset {
  const random = seededRandom(seed);
  const accounts: AccountInput[] = [];
  for (let i = 0; i < accountCount; i += 1) {
    const domain = accountDomain(i);
    const [city, country] = pick(random, CITIES);
    accounts.push({
      name: `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} ${i} ${pick(random, SUFFIXES)}`.trim(),
      domains: [domain],
      website: `https://www.${domain}/`,
      linkedinUrl: `https://www.linkedin.com/company/${domain.replace(/\./g, '-')}`,
      industry: pick(random, INDUSTRIES),
      size: pick(random, SIZES),
      location: { city, region: null, country, postalCode: null },
      type: random() < 0.8 ? 'prospect' : 'customer',
    });
  }
  const contacts: ContactInput[] = [];
  const accountOf: number[] = [];
  for (let j = 0; j < contactCount; j += 1) {
    const account = Math.floor(random() * accountCount);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const [title, seniority, fn] = pick(random, TITLES);
    accountOf.push(account);
    contacts.push({
      kind: 'contact',
      firstName: first,
      lastName: last,
      title,
      seniority,
      function: fn,
      emails: [`${first}.${last}.${j}@${accountDomain(account)}`.toLowerCase()],
      phones: random() < 0.5 ? [`+44 20 7946 ${String(j % 10000).padStart(4, '0')}`] : [],
      linkedinUrl: `https://www.linkedin.com/in/${first}-${last}-${j}`.toLowerCase(),
    });
  }
  return { accounts, contacts, accountOf };
}

/** `count` distinct indexes below `limit`, in a seeded random order. */
export function sampleIndexes(limit: number, count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, limit)) chosen.add(Math.floor(random() * limit));
  return [...chosen];
}
