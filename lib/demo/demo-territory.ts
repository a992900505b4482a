import type { TerritoryImport } from '../db/import-territory';

const DAY = 86_400_000;

export const DEMO_TERRITORY_NAME = 'Nordics (demo)';

/**
 * A small, fictional Nordic territory a new user can explore without a CRM: three prospects and
 * customers, one channel partner, people in each buying role, open deals, touches and notes.
 * Every name, domain and email here is invented; the domains use the reserved `.example` TLD.
 * `now` makes it deterministic: the same input gives the same records.
 */
export function demoTerritory(now: number): TerritoryImport {
  const ago = (days: number) => now - days * DAY;
  const inDays = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  return {
    territory: {
      name: DEMO_TERRITORY_NAME,
      rules: { countries: ['SE', 'NO', 'DK', 'FI'], regions: [], postalPrefixes: [] },
      quotas: [{ period: 'quarter', start: quarterStart(now), amount: 450_000, currency: 'EUR' }],
    },
    accounts: [
      {
        key: 'fjord', name: 'Fjordline Logistics AB', website: 'https://www.fjordline-logistics.example', type: 'customer',
        industry: 'Logistics', size: '1,001-5,000', location: { city: 'Gothenburg', region: null, country: 'SE', postalCode: '411 04' },
        owner: 'You', partnerAccountId: 'nordpartner',
      },
      {
        key: 'aurora', name: 'Aurora Grid Oy', website: 'https://aurora-grid.example', type: 'prospect',
        industry: 'Utilities', size: '501-1,000', location: { city: 'Espoo', region: 'Uusimaa', country: 'FI', postalCode: '02150' },
        owner: 'You',
      },
      {
        key: 'tindra', name: 'Tindra Health AS', website: 'https://tindrahealth.example', type: 'prospect',
        industry: 'Hospitals and Health Care', size: '201-500', location: { city: 'Bergen', region: null, country: 'NO', postalCode: '5003' },
        owner: 'You',
      },
      {
        key: 'nordpartner', name: 'NordIntegra Partners ApS', website: 'https://nordintegra.example', type: 'partner',
        industry: 'IT Services and IT Consulting', size: '51-200', location: { city: 'Copenhagen', region: null, country: 'DK', postalCode: '1050' },
        owner: 'You',
      },
    ],
    contacts: [
      { key: 'astrid', kind: 'contact', accountId: 'fjord', firstName: 'Astrid', lastName: 'Lindqvist', title: 'Chief Operating Officer',
        seniority: 'c-level', function: 'operations', buyingRole: 'decision-maker', emails: ['astrid.lindqvist@fjordline-logistics.example'] },
      { key: 'johan', kind: 'contact', accountId: 'fjord', firstName: 'Johan', lastName: 'Berg', title: 'IT Manager',
        seniority: 'manager', function: 'it-engineering', buyingRole: 'champion', emails: ['johan.berg@fjordline-logistics.example'] },
      { key: 'maija', kind: 'contact', accountId: 'aurora', firstName: 'Maija', lastName: 'Korhonen', title: 'VP Finance',
        seniority: 'vp', function: 'finance', buyingRole: 'decision-maker', emails: ['maija.korhonen@aurora-grid.example'],
        linkedinUrl: 'https://www.linkedin.com/in/maija-korhonen-demo' },
      { key: 'eero', kind: 'contact', accountId: 'aurora', firstName: 'Eero', lastName: 'Salo', title: 'Grid Planner',
        seniority: 'individual', function: 'operations', buyingRole: 'end-user', emails: ['eero.salo@aurora-grid.example'] },
      { key: 'ingrid', kind: 'contact', accountId: 'tindra', firstName: 'Ingrid', lastName: 'Haugen', title: 'Head of Procurement',
        seniority: 'director', function: 'operations', buyingRole: 'influencer', emails: ['ingrid.haugen@tindrahealth.example'] },
      { key: 'mads', kind: 'contact', accountId: 'nordpartner', firstName: 'Mads', lastName: 'Kjær', title: 'Partner Manager',
        seniority: 'manager', function: 'sales', buyingRole: 'champion', emails: ['mads.kjaer@nordintegra.example'] },
      { key: 'lena', kind: 'lead', company: 'Solvik Energi', firstName: 'Lena', lastName: 'Solvik', title: 'CEO',
        seniority: 'c-level', function: 'executive', buyingRole: 'decision-maker', linkedinUrl: 'https://www.linkedin.com/in/lena-solvik-demo' },
    ],
    opportunities: [
      { accountId: 'fjord', partnerAccountId: 'nordpartner', name: 'Fjordline – fleet tracking expansion', stage: 'Negotiation',
        amount: 180_000, currency: 'EUR', closeDate: inDays(21), forecastCategory: 'commit' },
      { accountId: 'aurora', name: 'Aurora Grid – pilot', stage: 'Discovery', amount: 60_000, currency: 'EUR',
        closeDate: inDays(55), forecastCategory: 'pipeline' },
      { accountId: 'tindra', name: 'Tindra Health – procurement platform', stage: 'Proposal', amount: 95_000, currency: 'EUR',
        closeDate: inDays(34), forecastCategory: 'best-case' },
    ],
    activities: [
      { type: 'email', subject: 'Pricing for the expansion', direction: 'outbound', occurredAt: ago(1), accountId: 'fjord', contactIds: ['astrid'] },
      { type: 'call', subject: 'Technical check-in with IT', direction: 'outbound', occurredAt: ago(3), accountId: 'fjord', contactIds: ['johan'] },
      { type: 'meeting', subject: 'Joint account plan with NordIntegra', occurredAt: ago(6), accountId: 'nordpartner', contactIds: ['mads'] },
      { type: 'email', subject: 'Re: pilot scope', direction: 'inbound', occurredAt: ago(2), accountId: 'aurora', contactIds: ['maija'] },
      { type: 'linkedin', subject: 'Connected on LinkedIn', occurredAt: ago(9), accountId: 'tindra', contactIds: ['ingrid'] },
    ],
    notes: [
      { accountId: 'fjord', pinned: true, body: '**Renewal in Q3.** Expansion hinges on the *Oslo depot* rollout.\n- COO signs\n- IT owns the integration' },
      { contactId: 'maija', body: 'Prefers short emails; budget cycle closes in October.' },
      { accountId: 'nordpartner', body: 'Channel partner for Denmark and Norway. Registers deals through the partner portal.' },
    ],
    tasks: [
      { subject: 'Send revised quote to Astrid', dueDate: inDays(2), accountId: 'fjord', contactId: 'astrid' },
      { subject: 'Book pilot kickoff', dueDate: inDays(7), accountId: 'aurora', contactId: 'maija' },
    ],
  };
}

function quarterStart(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1)).toISOString().slice(0, 10);
}
