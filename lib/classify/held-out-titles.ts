import type { LabelledTitle } from './labelled-titles';

/**
 * Written after the tables were tuned and never tuned against: a check on how far the
 * classifier generalises beyond `labelled-titles.ts`. The test prints its accuracy; it does not
 * gate on it.
 */
export const HELD_OUT_TITLES: LabelledTitle[] = [
  ['Global Head of IT Procurement', 'en', 'director', 'operations', 'decision-maker'],
  ['Senior Manager, Strategic Sourcing', 'en', 'manager', 'operations', 'influencer'],
  ['Chief Commercial Officer', 'en', 'c-level', 'sales', 'decision-maker'],
  ['Information Security Manager', 'en', 'manager', 'it-engineering', 'influencer'],
  ['Systems Engineer', 'en', 'individual', 'it-engineering', 'end-user'],
  ['Regional Director, Channel Sales', 'en', 'director', 'sales', 'decision-maker'],
  ['Field Sales Representative', 'en', 'individual', 'sales', 'end-user'],
  ['Controller', 'en', 'individual', 'finance', 'end-user'],
  ['IT Operations Director', 'en', 'director', 'it-engineering', 'decision-maker'],
  ['Payroll Specialist', 'en', 'individual', 'finance', 'end-user'],
  ['Executive Vice President, Global Operations', 'en', 'vp', 'operations', 'decision-maker'],
  ['Director of Human Resources', 'en', 'director', 'hr', 'decision-maker'],
  ['Cloud Architect', 'en', 'individual', 'it-engineering', 'influencer'],
  ['Owner & Managing Director', 'en', 'c-level', 'executive', 'decision-maker'],
  ['Leiter Informationstechnologie', 'de', 'director', 'it-engineering', 'decision-maker'],
  ['Key Account Managerin', 'de', 'individual', 'sales', 'end-user'],
  ['Teamleiter IT-Support', 'de', 'manager', 'it-engineering', 'influencer'],
  ['Leiterin Personal', 'de', 'director', 'hr', 'decision-maker'],
  ['Directrice des ressources humaines', 'fr', 'director', 'hr', 'decision-maker'],
  ['Responsable marketing digital', 'fr', 'manager', 'marketing', 'influencer'],
  ['Administrateur systèmes et réseaux', 'fr', 'individual', 'it-engineering', 'end-user'],
  ['Directeur des opérations', 'fr', 'director', 'operations', 'decision-maker'],
  ['Jefe de Proyecto', 'es', 'manager', 'other', 'influencer'],
  ['Directora de Operaciones', 'es', 'director', 'operations', 'decision-maker'],
  ['Responsable de Compras', 'es', 'manager', 'operations', 'influencer'],
  ['Administrador de Sistemas', 'es', 'individual', 'it-engineering', 'end-user'],
  ['Logistikchef', 'sv', 'director', 'operations', 'decision-maker'],
  ['Personalchef', 'sv', 'director', 'hr', 'decision-maker'],
  ['IT-konsult', 'sv', 'individual', 'it-engineering', 'influencer'],
  ['Controller, Ekonomiavdelningen', 'sv', 'individual', 'finance', 'end-user'],
].map(([title, lang, seniority, fn, buyingRole]) => ({ title, lang, seniority, function: fn, buyingRole }) as LabelledTitle);
