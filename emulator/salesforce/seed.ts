import type { SalesforceEmulator } from './emulator';

/** A handful of demo records, as a colleague might have left them: an account with people and a deal. */
export function seedDemoRecords(emulator: SalesforceEmulator): void {
  const account = emulator.insert('Account', {
    Name: 'Northwind Traders', Website: 'https://northwind.example', Industry: 'Retail', Type: 'Customer - Direct',
    NumberOfEmployees: 240, BillingCity: 'Leeds', BillingCountry: 'United Kingdom',
  });
  const contact = emulator.insert('Contact', {
    FirstName: 'Ada', LastName: 'Okafor', Title: 'Head of Procurement', Email: 'ada.okafor@northwind.example',
    Phone: '+44 113 496 0000', AccountId: account.Id, LinkedIn_URL__c: 'https://www.linkedin.com/in/ada-okafor-example',
  });
  emulator.insert('Contact', { FirstName: 'Tom', LastName: 'Berg', Title: 'CFO', Email: 'tom.berg@northwind.example', AccountId: account.Id });
  emulator.insert('Lead', { FirstName: 'Mina', LastName: 'Sato', Company: 'Fabrikam', Email: 'mina@fabrikam.example', Title: 'COO' });
  const opportunity = emulator.insert('Opportunity', {
    Name: 'Northwind – 2027 renewal', StageName: 'Proposal/Price Quote', CloseDate: '2027-03-31', Amount: 48000, AccountId: account.Id,
  });
  emulator.insert('Task', {
    Subject: 'Call about renewal pricing', TaskSubtype: 'Call', Status: 'Completed', ActivityDate: '2026-11-20',
    WhoId: contact.Id, WhatId: opportunity.Id,
  });
}
