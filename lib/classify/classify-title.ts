/**
 * Job title → seniority, function and a suggested buying role. Tables live in `title-words*.ts`
 * and `title-stems.ts`; this file holds only the rules, applied in this order:
 *
 * 1. Input: null, empty, HTML tags, emoji and anything past 200 characters are dropped; text is
 *    NFKD-folded (case and accents ignored) and cut at a company part (`at`, `bei`, `chez`, `|`, `@`).
 * 2. Phrases beat their words and consume them: "Vice President" is VP, not President;
 *    "Account Manager", "Partner Manager", "Territory Manager", "Customer Success Manager" and
 *    "Gerente de cuentas" are sales individual contributors, not managers; "Product Owner" is not
 *    an owner; "Head of" is director; "Managing Director", "General Manager", "Directeur général",
 *    "Director General", "Gerente General", "VD" and "Geschäftsführer" are C-level.
 * 3. "Chief … Officer" is C-level; "Chief of Staff" is a director-level advisory post.
 * 4. Words after "to"/"till" ("Assistant to the CEO", "Reporting to CFO") describe someone else:
 *    they never set seniority or function.
 * 5. Assistant rule: an assistant/secretary word is the person's level (individual) unless the
 *    next word is a level ("Assistant Manager", "Assistant Vice President" keep that level). An
 *    assistant to an executive office (CEO, VD, Geschäftsführung, direction, "Executive
 *    Assistant") is function executive and an influencer: the gatekeeper.
 * 6. Seniority: the highest level named wins (C-level > VP > director > manager > individual), so
 *    "Senior Software Engineer" is individual ("senior", "principal", "staff" are ignored) and
 *    "Sales Engineer" is individual. Weak words (Partner, Gesellschafter, Delägare, Socio) count
 *    only if nothing else names a level: "Partner" is C-level, "Partner Marketing Manager" a manager.
 * 7. Deputy (deputy, vice, stellvertretender, adjoint, adjunto, biträdande) turns C-level into VP
 *    ("Vice VD", "Directeur général adjoint"); other levels stay.
 * 8. Function: the strongest word wins, earliest on a tie. 4 an explicit C office (CFO, CTO,
 *    Chief Marketing Officer, DSI, DAF); 3 a department (sales, procurement, finance, HR, legal,
 *    marketing); 2 a technical area or role noun (IT, engineer, network); 1 generic (operations,
 *    drift, and "executive" from CEO/founder/owner). So "Sales Engineer" and "Ingénieur commercial"
 *    are sales, "IT Procurement Manager" is operations (procurement is operations), "Network
 *    Operations Manager" is IT, "Founder & CTO" is IT. No function word: C-level and VP are
 *    executive, everyone else other.
 * 9. Buying role: C-level, VP, director → decision-maker, except advisory seats (Non-Executive
 *    Director, Advisory Board, Chief of Staff) → influencer. Manager → influencer. Individual →
 *    end-user, except procurement staff, architects, consultants/advisors and executive assistants
 *    → influencer. Unknown → influencer: the neutral guess, neither overclaiming authority nor
 *    dismissing the contact.
 */
import { lookupHits, type Hit } from './lookup';
import { tokenize, type Token } from './tokenize';
import type { ClassifiedBuyingRole, JobFunction, Seniority, TitleClassification } from './types';

const RANK: Record<Seniority, number> = { unknown: 0, individual: 1, manager: 2, director: 3, vp: 4, 'c-level': 5 };
const CONNECTORS = new Set(['to', 'till']);
const EXECUTIVE_LEVELS: ReadonlySet<Seniority> = new Set<Seniority>(['c-level', 'vp']);

const UNKNOWN: TitleClassification = { seniority: 'unknown', function: 'other', buyingRole: 'influencer', matched: [] };

/** Hits after a connector word describe the person served, not this one. */
function splitSubordinate(tokens: Token[], hits: Hit[]): { own: Hit[]; served: Hit[] } {
  const cut = tokens.findIndex((token) => CONNECTORS.has(token.text));
  if (cut < 0) return { own: hits, served: [] };
  return { own: hits.filter((hit) => hit.pos < cut), served: hits.filter((hit) => hit.pos > cut) };
}

/** "Chief … Officer" in any order of words between: one C-level hit at the word "chief". */
function chiefOfficer(tokens: Token[], hits: Hit[]): Hit[] {
  const chief = tokens.findIndex((token) => token.text === 'chief');
  const officer = tokens.findIndex((token, i) => i > chief && token.text === 'officer');
  if (chief < 0 || officer < 0 || hits.some((hit) => hit.pos === chief)) return hits;
  return [...hits, { key: 'rule:chief-officer', signal: { seniority: 'c-level' }, pos: chief }];
}

/** The assistant hit that makes this person an assistant, if any (rule 5). */
function activeAssistant(hits: Hit[]): Hit | undefined {
  return hits.find(
    (hit) =>
      hit.signal.assistant &&
      !hits.some((next) => next.pos === hit.pos + 1 && RANK[next.signal.seniority ?? 'unknown'] >= RANK.manager),
  );
}

function pickSeniority(hits: Hit[]): Seniority {
  const levelled = hits.filter((hit) => hit.signal.seniority);
  const strong = levelled.filter((hit) => !hit.signal.weak);
  let best: Seniority = 'unknown';
  for (const hit of strong.length ? strong : levelled) {
    const level = hit.signal.seniority ?? 'unknown';
    if (RANK[level] > RANK[best]) best = level;
  }
  if (best === 'c-level' && hits.some((hit) => hit.signal.deputy)) return 'vp';
  return best;
}

function pickFunction(hits: Hit[], seniority: Seniority): JobFunction {
  let best: { fn: JobFunction; weight: number } | null = null;
  for (const hit of hits) {
    const { fn, weight = 3 } = hit.signal;
    if (fn && (!best || weight > best.weight)) best = { fn, weight };
  }
  if (best) return best.fn;
  return EXECUTIVE_LEVELS.has(seniority) ? 'executive' : 'other';
}

function pickBuyingRole(hits: Hit[], seniority: Seniority, gatekeeper: boolean): ClassifiedBuyingRole {
  switch (seniority) {
    case 'c-level':
    case 'vp':
    case 'director':
      return hits.some((hit) => hit.signal.advisory) ? 'influencer' : 'decision-maker';
    case 'manager':
    case 'unknown':
      return 'influencer';
    case 'individual':
      return gatekeeper || hits.some((hit) => hit.signal.influencer) ? 'influencer' : 'end-user';
  }
}

/** Never throws; bounded work whatever the input (see rule 1). */
export function classifyTitle(title: string | null): TitleClassification {
  if (typeof title !== 'string' || title.trim() === '') return { ...UNKNOWN, matched: [] };
  const tokens = tokenize(title);
  const { own, served } = splitSubordinate(tokens, chiefOfficer(tokens, lookupHits(tokens)));
  if (own.length === 0) return { ...UNKNOWN, matched: [] };
  const matched = own.map((hit) => hit.key);

  const assistant = activeAssistant(own);
  if (assistant) {
    const forExecutive = [...own, ...served].some(
      (hit) => hit.signal.principal || EXECUTIVE_LEVELS.has(hit.signal.seniority ?? 'unknown'),
    );
    const ownWork = own.filter((hit) => RANK[hit.signal.seniority ?? 'unknown'] <= RANK.individual);
    return {
      seniority: 'individual',
      function: forExecutive ? 'executive' : pickFunction(ownWork, 'individual'),
      buyingRole: pickBuyingRole(ownWork, 'individual', forExecutive),
      matched: [...matched, forExecutive ? 'rule:assistant-to-executive' : 'rule:assistant'],
    };
  }

  const seniority = pickSeniority(own);
  if (seniority === 'vp' && own.some((hit) => hit.signal.deputy)) matched.push('rule:deputy');
  return {
    seniority,
    function: pickFunction(own, seniority),
    buyingRole: pickBuyingRole(own, seniority, false),
    matched,
  };
}
