const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000_000], ['month', 2_592_000_000], ['week', 604_800_000], ['day', 86_400_000],
  ['hour', 3_600_000], ['minute', 60_000],
];

/** "3 days ago", "in 2 weeks", "now". */
export function timeAgo(timestamp: number, now = Date.now()): string {
  const diff = timestamp - now;
  for (const [unit, ms] of STEPS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

export function money(amount: number | null, currency: string): string {
  if (amount === null) return 'No amount';
  return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export const ACCOUNT_TYPE_LABEL = { prospect: 'Prospect', customer: 'Customer', partner: 'Channel partner', competitor: 'Competitor' } as const;
export const BUYING_ROLE_LABEL = {
  'decision-maker': 'Decision maker', influencer: 'Influencer', champion: 'Champion', 'end-user': 'End user', blocker: 'Blocker',
} as const;
