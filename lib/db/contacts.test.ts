import { beforeEach, describe, expect, it } from 'vitest';
import type { SidecarDb } from './database';
import { captureContact, createContact, findContactByEmail, findContactByLinkedInUrl, updateContact, upsertContacts } from './contacts';
import { RepositoryError } from './errors';
import { freshDb } from './test-db';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});

const jane = { kind: 'lead' as const, firstName: 'Jane', lastName: 'Doe', emails: ['Jane.Doe@Acme.example'] };

describe('captureContact', () => {
  it('creates a contact and one outbox entry in the same write', async () => {
    const result = await captureContact(db, jane, 1_000);
    expect(result.status).toBe('created');
    const stored = await db.contacts.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.emails).toEqual(['jane.doe@acme.example']);
    expect(stored[0]!.createdAt).toBe(1_000);
    expect(stored[0]!.updatedAt).toBe(1_000);
    expect(stored[0]!.remote).toEqual({});
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([expect.objectContaining({ recordType: 'contact', recordIds: [stored[0]!.id], op: 'create', state: 'pending', fields: [] })]);
  });

  it('captures the same email twice as one contact', async () => {
    await captureContact(db, jane);
    const again = await captureContact(db, { ...jane, emails: ['JANE.DOE@acme.example'], title: 'CFO' });
    expect(again.status).toBe('updated');
    expect(await db.contacts.count()).toBe(1);
    expect((await db.contacts.toArray())[0]!.title).toBe('CFO');
    // The pending entry coalesced: still one entry, still covering the whole record.
    expect(await db.outbox.count()).toBe(1);
  });

  it('matches by LinkedIn URL whatever its spelling', async () => {
    await captureContact(db, { kind: 'lead', lastName: 'Doe', linkedinUrl: 'https://se.linkedin.com/in/Jane-Doe/' });
    await captureContact(db, { kind: 'lead', lastName: 'Doe', linkedinUrl: 'https://www.linkedin.com/in/jane-doe?trk=public_profile' });
    expect(await db.contacts.count()).toBe(1);
    expect((await findContactByLinkedInUrl(db, 'linkedin.com/in/jane-doe'))?.lastName).toBe('Doe');
  });

  it('never blanks a field the rep already has and keeps an overridden buying role', async () => {
    const { record } = (await captureContact(db, { ...jane, title: 'VP Sales', buyingRole: 'champion', buyingRoleOverridden: true })) as { record: { id: string } };
    await captureContact(db, { ...jane, title: null, buyingRole: 'end-user' });
    const stored = await db.contacts.get(record.id);
    expect(stored?.title).toBe('VP Sales');
    expect(stored?.buyingRole).toBe('champion');
  });

  it('reports unchanged when nothing is new, and queues nothing', async () => {
    await captureContact(db, jane);
    await db.outbox.clear();
    expect((await captureContact(db, jane)).status).toBe('unchanged');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('upsertContacts (imports)', () => {
  it('writes a person listed twice in one batch once', async () => {
    const results = await upsertContacts(db, [
      { kind: 'lead', lastName: 'Doe', emails: ['a@x.example'] },
      { kind: 'lead', lastName: 'Doe', emails: ['A@X.example', 'b@x.example'], title: 'CTO' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'updated']);
    const all = await db.contacts.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]!.emails.sort()).toEqual(['a@x.example', 'b@x.example']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('writes nothing when one record in the batch is invalid', async () => {
    await expect(
      upsertContacts(db, [jane, { kind: 'lead', lastName: '', emails: ['ok@x.example'] }]),
    ).rejects.toBeInstanceOf(RepositoryError);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('createContact (by hand)', () => {
  it('refuses a second contact with a known email, naming the existing one', async () => {
    const first = await createContact(db, jane);
    const error = await createContact(db, { ...jane, firstName: 'J.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect((error as RepositoryError).code).toBe('duplicate');
    expect((error as RepositoryError).details).toEqual({ existingId: first.id });
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('updateContact', () => {
  it('queues only the fields that changed', async () => {
    const c = await createContact(db, jane, 1);
    await db.outbox.clear();
    await updateContact(db, c.id, { title: 'Head of IT', lastName: 'Doe' }, 2);
    const [entry] = await db.outbox.toArray();
    expect(entry?.fields).toEqual(['title']);
    expect((await findContactByEmail(db, 'jane.doe@ACME.example'))?.updatedAt).toBe(2);
  });

  it('rejects an invalid email and leaves the record as it was', async () => {
    const c = await createContact(db, jane);
    await expect(updateContact(db, c.id, { emails: ['not an email'] })).rejects.toMatchObject({ code: 'invalid' });
    expect((await db.contacts.get(c.id))?.emails).toEqual(['jane.doe@acme.example']);
  });

  it('reports a missing record as not-found', async () => {
    await expect(updateContact(db, '01ARZ3NDEKTSV4RRFFQ69G5FAV', { title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
