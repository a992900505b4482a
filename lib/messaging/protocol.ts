import { z } from 'zod';
import {
  Account, Activity, Contact, LinkedInCompany, LinkedInPerson, Note, NoteFields, PageContext, RecordId, SyncedRecordType,
  patchSchema,
} from '../model';
import { CONTENT_SCRIPTS, PAGES, message } from './message-spec';
import { SALESFORCE_MESSAGES } from './protocol-salesforce';
import { SYNC_MESSAGES } from './protocol-sync';

/**
 * Fields a page may send when creating or editing: exactly the keys it set, no defaults filled in.
 * The repository then validates the whole resulting record.
 */
// `sample` too: only the demo import marks records as sample data; no page can mark one (or unmark).
const systemFields = { id: true, createdAt: true, updatedAt: true, remote: true, sample: true } as const;
const AccountFields = patchSchema(Account.omit({ ...systemFields, normalizedName: true }));
const ContactFields = patchSchema(Contact.omit(systemFields));
const NoteInput = patchSchema(NoteFields.omit(systemFields));

const Saved = z.object({ id: RecordId });
const FieldChange = z.object({
  field: z.enum(['firstName', 'lastName', 'title', 'headline', 'location']),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export const PersonView = z.object({
  contact: Contact.nullable(),
  account: Account.nullable(),
  lastActivity: Activity.nullable(),
  notes: z.array(Note),
  changes: z.array(FieldChange),
  jobChange: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export const AccountBrief = z.object({
  account: Account.nullable(),
  candidates: z.array(Account),
  contacts: z.array(Contact),
  activities: z.array(Activity),
  notes: z.array(Note),
});
const CaptureOutcome = z.object({
  contactId: RecordId,
  accountId: RecordId.nullable(),
  createdContact: z.boolean(),
  createdAccountId: RecordId.nullable(),
});
const Count = z.number().int().nonnegative();
export const StoreSummary = z.object({
  accounts: Count, contacts: Count, opportunities: Count, activities: Count, notes: Count, tasks: Count, pending: Count,
});
const Done = z.object({ done: z.literal(true) });

/**
 * Every message any context sends to the background: its senders, request and response. The
 * background parses each one on arrival (lib/messaging/router.ts); nothing else is accepted.
 */
export const BACKGROUND_MESSAGES = {
  /** A content script tells what it understood of its page (after load and each SPA navigation). */
  'page.report': message({
    senders: CONTENT_SCRIPTS,
    request: z.object({ context: PageContext }),
    response: Done,
  }),
  /** The sidebar frame (its own tab) or the side panel (the tab it names) asks what the page is. */
  'page.get': message({
    senders: PAGES,
    request: z.object({ tabId: z.number().int().nonnegative().nullable() }),
    response: z.object({ tabId: z.number().int().nullable(), context: PageContext.nullable() }),
  }),
  /** The sidebar frame's close button, relayed to its tab's content script. */
  'sidebar.set-open': message({
    senders: PAGES,
    request: z.object({ open: z.boolean() }),
    response: Done,
  }),
  /** What the sidebar frame shows of the store; it reads through the background (see store-changes.ts). */
  'store.summary': message({
    senders: PAGES,
    request: z.object({}),
    response: StoreSummary,
  }),
  /** The sidebar on a profile: the contact this person is, with what changed on LinkedIn. */
  'profile.view': message({
    senders: PAGES,
    request: z.object({ person: LinkedInPerson }),
    response: PersonView,
  }),
  /** "Capture": the person becomes a contact (or lead); `accountId` answers "which account?". */
  'profile.capture': message({
    senders: PAGES,
    writes: true,
    request: z.object({ person: LinkedInPerson, accountId: RecordId.nullable().optional() }),
    response: z.union([CaptureOutcome, z.object({ ambiguous: z.array(Account) })]),
  }),
  /** "Update from LinkedIn", including a job change. */
  'profile.update': message({
    senders: PAGES,
    writes: true,
    request: z.object({ contactId: RecordId, person: LinkedInPerson }),
    response: Saved,
  }),
  /** Undo a capture within its window. */
  'capture.undo': message({
    senders: PAGES,
    writes: true,
    request: z.object({ contactId: RecordId, createdAccountId: RecordId.nullable() }),
    response: Done,
  }),
  /** The sidebar on a company page: the account brief. */
  'company.view': message({
    senders: PAGES,
    request: z.object({ company: LinkedInCompany }),
    response: AccountBrief,
  }),
  'company.capture': message({
    senders: PAGES,
    writes: true,
    request: z.object({ company: LinkedInCompany }),
    response: z.union([Saved, z.object({ ambiguous: z.array(Account) })]),
  }),
  'account.save': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: RecordId.optional(), fields: AccountFields }),
    response: Saved,
  }),
  'contact.save': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: RecordId.optional(), fields: ContactFields }),
    response: Saved,
  }),
  'note.save': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: RecordId.optional(), fields: NoteInput }),
    response: Saved,
  }),
  'record.delete': message({
    senders: PAGES,
    writes: true,
    request: z.object({ recordType: SyncedRecordType, id: RecordId }),
    response: Done,
  }),
  /** Load the demo territory as sample data that never syncs (first run, or from the options page). */
  'demo.load': message({
    senders: PAGES,
    writes: true,
    request: z.object({}),
    response: z.object({ accounts: z.number().int(), contacts: z.number().int() }),
  }),
  /** Remove the demo territory and every sample record. */
  'demo.remove': message({
    senders: PAGES,
    writes: true,
    request: z.object({}),
    response: Done,
  }),
  /** Delete every local record, after the rep typed the confirmation. */
  'data.clear': message({
    senders: PAGES,
    writes: true,
    request: z.object({ confirm: z.literal('delete everything') }),
    response: Done,
  }),
  ...SALESFORCE_MESSAGES,
  ...SYNC_MESSAGES,
} as const;

export type BackgroundMessages = typeof BACKGROUND_MESSAGES;
export type MessageType = keyof BackgroundMessages;
export type RequestOf<T extends MessageType> = z.input<BackgroundMessages[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<BackgroundMessages[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<BackgroundMessages[T]['response']>;

/** Messages the background sends to a tab's content script (top frame). */
export const CONTENT_MESSAGES = {
  'sidebar.toggle': z.object({}),
  'sidebar.set-open': z.object({ open: z.boolean() }),
} as const;
export const ContentEnvelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sidebar.toggle'), payload: CONTENT_MESSAGES['sidebar.toggle'] }),
  z.object({ type: z.literal('sidebar.set-open'), payload: CONTENT_MESSAGES['sidebar.set-open'] }),
]);
export type ContentEnvelope = z.infer<typeof ContentEnvelope>;
