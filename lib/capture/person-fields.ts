import { classifyTitle } from '../classify';
import type { ContactInput } from '../db/contacts';
import type { Contact, LinkedInPerson } from '../model';

/** What Sidecar keeps of a LinkedIn person, in the contact's own fields. */
export function personToContactFields(person: LinkedInPerson): Omit<ContactInput, 'kind'> {
  const role = classifyTitle(person.title ?? person.headline);
  // Salesforce requires a last name: fall back to the whole name, then to a placeholder the rep sees.
  const lastName = person.lastName ?? person.fullName ?? 'Unknown';
  return {
    firstName: person.lastName ? person.firstName : null,
    lastName,
    title: person.title,
    headline: person.headline,
    linkedinUrl: person.profileUrl,
    location: person.location ? { label: person.location, city: null, region: null, country: null, postalCode: null } : null,
    seniority: role.seniority,
    function: role.function,
    buyingRole: role.buyingRole,
  };
}

export interface FieldChange {
  field: 'firstName' | 'lastName' | 'title' | 'headline' | 'location';
  label: string;
  from: string | null;
  to: string | null;
}

const LABELS: Record<FieldChange['field'], string> = {
  firstName: 'First name', lastName: 'Last name', title: 'Title', headline: 'Headline', location: 'Location',
};

/** Exactly which of the contact's fields the LinkedIn page shows differently (a field the page lacks is no change). */
export function diffPerson(contact: Contact, person: LinkedInPerson): FieldChange[] {
  const page = personToContactFields(person);
  const pairs: Array<[FieldChange['field'], string | null | undefined, string | null | undefined]> = [
    ['firstName', contact.firstName, page.firstName],
    ['lastName', contact.lastName, person.lastName ?? person.fullName],
    ['title', contact.title, page.title],
    ['headline', contact.headline, page.headline],
    ['location', contact.location?.label ?? null, page.location?.label ?? null],
  ];
  return pairs
    .filter(([, from, to]) => to != null && (from ?? null) !== to)
    .map(([field, from, to]) => ({ field, label: LABELS[field], from: from ?? null, to: to ?? null }));
}
