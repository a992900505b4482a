/** A Salesforce record Id: 15 or 18 letters and digits, nothing a URL could be bent with. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const THIS_MACHINE = new Set(['localhost', '127.0.0.1']);

/**
 * `{instanceUrl}/{Id}`, the address Salesforce opens a record at; null unless both parts are
 * sound: an https org (plain http only for the emulator on this machine) and a real Id.
 */
export function salesforceUrl(instanceUrl: string | null | undefined, id: string | null | undefined): string | null {
  if (!instanceUrl || !id || !SALESFORCE_ID.test(id)) return null;
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return null;
  }
  const sound = url.protocol === 'https:' || (url.protocol === 'http:' && THIS_MACHINE.has(url.hostname));
  return sound ? `${url.origin}/${id}` : null;
}
