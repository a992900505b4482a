import { captureAccount } from '../db/accounts';
import type { SidecarDb } from '../db/database';
import { capturePerson } from '../capture/capture-person';
import { undoCapture } from '../capture/undo-capture';
import { updateFromLinkedIn } from '../capture/update-person';
import { companyBrief, personView } from '../capture/views';
import type { Handlers } from '../messaging/router';
import { captureSettings } from '../settings/items';

type CaptureHandlers = Pick<Handlers, 'profile.view' | 'profile.capture' | 'profile.update' | 'capture.undo' | 'company.view' | 'company.capture'>;

/** LinkedIn: what the sidebar shows on a profile or company page, and one-click capture. */
export function createCaptureHandlers(db: SidecarDb): CaptureHandlers {
  return {
    'profile.view': ({ person }) => personView(db, person),
    'profile.capture': async ({ person, accountId }) =>
      capturePerson(db, person, { newCompany: (await captureSettings.getValue()).newCompany, accountId }),
    'profile.update': async ({ contactId, person }) => {
      const updated = await updateFromLinkedIn(db, contactId, person, { newCompany: (await captureSettings.getValue()).newCompany });
      return { id: updated.id };
    },
    'capture.undo': async (capture) => {
      await undoCapture(db, capture);
      return { done: true };
    },
    'company.view': ({ company }) => companyBrief(db, company),
    'company.capture': async ({ company }) => {
      const result = await captureAccount(db, {
        name: company.name ?? company.linkedinUrl.split('/').pop() ?? 'Unknown company',
        linkedinUrl: company.linkedinUrl,
        website: company.website,
        domains: company.domain ? [company.domain] : [],
        industry: company.industry,
        size: company.size,
        location: company.headquarters ? { label: company.headquarters, city: null, region: null, country: null, postalCode: null } : null,
      });
      return result.status === 'ambiguous' ? { ambiguous: result.candidates } : { id: result.record.id };
    },
  };
}
