import { salesforceSyncSettings } from '../../lib/settings/items';
import type { SyncSettings } from '../../lib/sync/context';
import { useStoredValue } from '../use-stored-value';
import { useMappableFields } from './use-salesforce';

const NONE = '';

function update(patch: Partial<SyncSettings>): void {
  void salesforceSyncSettings.getValue().then((current) => salesforceSyncSettings.setValue({ ...current, ...patch }));
}

/** A whole number within [min, max] from an input's value, or null while the rep is still typing. */
function wholeNumber(value: string, min: number, max: number): number | null {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Field mapping, what to pull, and how much of the org's API allowance Sidecar may use. */
export function SyncSettingsForm({ connected }: { connected: boolean }) {
  const settings = useStoredValue(salesforceSyncSettings);
  const fields = useMappableFields(connected);
  if (!settings) return null;
  const current = settings.linkedinUrlField;
  const options = fields.data ?? [];
  const known = current === null || options.some((f) => f.name === current);
  return (
    <div aria-label="Sync settings" role="group">
      <h2>Field mapping</h2>
      <p>
        <label>
          Contact and Lead field for the LinkedIn profile URL<br />
          <select value={current ?? NONE} disabled={!connected || fields.isLoading}
            onChange={(e) => update({ linkedinUrlField: e.target.value === NONE ? null : e.target.value })}>
            <option value={NONE}>None: don’t sync LinkedIn URLs</option>
            {known ? null : <option value={current}>{current}</option>}
            {options.map((f) => (
              <option key={f.name} value={f.name}>{`${f.label} (${f.name}, ${f.type})`}</option>
            ))}
          </select>
        </label>
      </p>
      {!connected ? <p className="muted">Connect Salesforce to choose from your org’s fields.</p> : null}
      {fields.error ? <p className="error" role="alert">{fields.error.message}</p> : null}

      <h2>What to pull</h2>
      <fieldset className="choices">
        <label>
          <input type="radio" name="sf-scope" checked={settings.scope === 'mine'} onChange={() => update({ scope: 'mine' })} />
          {' '}Records I own
        </label>
        <label>
          <input type="radio" name="sf-scope" checked={settings.scope === 'all'} onChange={() => update({ scope: 'all' })} />
          {' '}Everything I can see in Salesforce
        </label>
      </fieldset>
      <p>
        <label>
          Activities from the last{' '}
          <input type="number" min={1} max={3650} style={{ width: 80 }} aria-label="Activity days" defaultValue={settings.activityDays}
            onChange={(e) => {
              const days = wholeNumber(e.target.value, 1, 3650);
              if (days !== null) update({ activityDays: days });
            }} />
          {' '}days
        </label>
      </p>

      <h2>API allowance</h2>
      <p>
        <label>
          Pause syncing once this share of the org’s daily API calls is used:{' '}
          <input type="number" min={1} max={100} style={{ width: 70 }} aria-label="API budget share" defaultValue={Math.round(settings.budgetShare * 100)}
            onChange={(e) => {
              const percent = wholeNumber(e.target.value, 1, 100);
              if (percent !== null) update({ budgetShare: percent / 100 });
            }} />
          {' '}%
        </label>
      </p>
      <p className="muted">Other integrations share the same allowance; the default leaves them half.</p>
    </div>
  );
}
