import { noteTitle } from '../crm/salesforce/mapping';
import { tableFor } from '../db/records';
import type { Note, OutboxEntry, RemoteLink } from '../model';
import type { SyncContext } from './context';
import { issueId, settleRecords, type RecordOutcome } from './outbox-claims';
import type { PushSummary } from './push';
import { loadRemoteRefs } from './remote-refs';
import { soqlString } from './soql';

/** ContentNote takes HTML; a rep's note is text, so its markup characters are escaped. */
function noteContent(body: string): string {
  const html = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
  const bytes = new TextEncoder().encode(html);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}


/**
 * Notes become ContentNotes linked to their record. ContentNote has no External ID, so before
 * creating one Sidecar writes down when it started (`base.__creatingSince`); a retry after a crash
 * looks for a note it may already have made before making another.
 */
export async function pushNotes(ctx: SyncContext, entries: OutboxEntry[], summary: PushSummary): Promise<void> {
  if (entries.length === 0) return;
  const table = tableFor(ctx.db, 'note');
  const ids = [...new Set(entries.flatMap((e) => e.recordIds))];
  const notes = await table.bulkGet(ids);
  const refs = await loadRemoteRefs(ctx.db, {
    contact: notes.map((n) => n?.contactId ?? null), account: notes.map((n) => n?.accountId ?? null), opportunity: notes.map((n) => n?.opportunityId ?? null),
  });
  for (const [i, id] of ids.entries()) {
    const note = notes[i];
    let outcome: RecordOutcome = { kind: 'done' };
    if (note && !note.sample) {
      const parentType = note.contactId ? 'contact' : note.accountId ? 'account' : 'opportunity';
      const parentId = note.contactId ?? note.accountId ?? note.opportunityId;
      const parentRemote = refs.remoteIdOf(parentType, parentId);
      if (!parentRemote) {
        outcome = { kind: 'later', at: ctx.now() + 60_000, error: 'waiting for the note\'s record to reach Salesforce', countsAsAttempt: false };
        summary.waiting += 1;
      } else {
        await pushNote(ctx, note, parentRemote);
        summary.pushed.ContentNote = (summary.pushed.ContentNote ?? 0) + 1;
      }
    }
    await ctx.db.transaction('rw', ctx.db.outbox, ctx.db.syncIssues, async () => {
      await settleRecords(ctx.db, entries, new Map([[id, outcome]]), ctx.now());
      if (outcome.kind === 'done') await ctx.db.syncIssues.delete(issueId('note', id));
    });
  }
}

async function pushNote(ctx: SyncContext, note: Note, parentRemoteId: string): Promise<void> {
  const table = tableFor(ctx.db, 'note');
  const link = note.remote.salesforce;
  const fields = { Title: noteTitle(note.body), Content: noteContent(note.body) };
  const save = (next: RemoteLink) => ctx.db.transaction('rw', table, () => table.update(note.id, { 'remote.salesforce': next }));
  if (link?.id) {
    await ctx.client.update('ContentNote', link.id, fields);
    await save({ ...link, syncedAt: ctx.now(), base: { ...link.base, Title: fields.Title } });
    return;
  }
  let remoteId: string | null = null;
  const since = typeof link?.base.__creatingSince === 'string' ? link.base.__creatingSince : null;
  if (since) {
    const soql = `SELECT Id FROM ContentNote WHERE Title = ${soqlString(fields.Title)} AND CreatedDate >= ${since} ORDER BY CreatedDate LIMIT 1`;
    for await (const page of ctx.client.query(soql)) remoteId ??= page[0]?.Id ?? null;
  } else {
    // A second earlier, so Salesforce's whole-second CreatedDate cannot fall before it.
    await save({ id: null, syncedAt: null, base: { __creatingSince: new Date(ctx.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z') } });
  }
  remoteId ??= await ctx.client.create('ContentNote', fields);
  await save({ id: remoteId, syncedAt: null, base: { Title: fields.Title } });
  await ctx.client.createMany('ContentDocumentLink', [{ ContentDocumentId: remoteId, LinkedEntityId: parentRemoteId, ShareType: 'I' }])
    .then((results) => {
      const error = results[0]?.errors[0];
      // Already linked (a retry after the link was made): fine.
      if (error && error.statusCode !== 'DUPLICATE_VALUE') throw new Error(`${error.statusCode}: ${error.message}`);
    });
  await save({ id: remoteId, syncedAt: ctx.now(), base: { Title: fields.Title } });
}
