import type { JobFunction, Signal } from './types';

/**
 * English word tables. Keys are folded (lower case, no accents, `ß` → `ss`); phrase keys are
 * folded tokens joined by one space and win over the single words they contain.
 */
export const C: Signal = { seniority: 'c-level' };
export const VP: Signal = { seniority: 'vp' };
export const DIR: Signal = { seniority: 'director' };
export const MGR: Signal = { seniority: 'manager' };
export const IC: Signal = { seniority: 'individual' };

/** A function word: department strength 3 unless given. */
export const f = (fn: JobFunction, weight: Signal['weight'] = 3): Signal => ({ fn, weight });
/** An explicit C-level office (CFO, Chief Financial …): function weight 4. */
export const office = (fn: JobFunction): Signal => ({ ...C, fn, weight: fn === 'executive' ? 1 : 4 });

export const EN_WORDS: Record<string, Signal> = {
  // C-level and owners. Executive as a function is weak (1): "Founder & CTO" is IT.
  ceo: office('executive'), cfo: office('finance'), cto: office('it-engineering'),
  cio: office('it-engineering'), ciso: office('it-engineering'), cso: office('it-engineering'),
  cdo: office('it-engineering'), coo: office('operations'), cmo: office('marketing'),
  cro: office('sales'), cco: office('sales'), cpo: office('operations'), chro: office('hr'),
  cpeo: office('hr'), clo: office('legal'),
  founder: office('executive'), cofounder: office('executive'), owner: office('executive'),
  president: office('executive'), chairman: office('executive'), chairwoman: office('executive'),
  partner: { ...office('executive'), weak: true },
  // VP
  vp: VP, svp: VP, evp: VP, avp: VP, rvp: VP, gvp: VP,
  // Director / head
  director: DIR, dir: DIR, head: DIR,
  // Manager
  manager: MGR, mgr: MGR, supervisor: MGR,
  // Individual contributors
  engineer: { ...IC, ...f('it-engineering', 2) }, developer: { ...IC, ...f('it-engineering', 2) },
  programmer: { ...IC, ...f('it-engineering', 2) }, administrator: IC, admin: IC,
  architect: { ...IC, ...f('it-engineering', 2), influencer: true }, technician: IC,
  analyst: IC, specialist: IC, representative: IC, rep: IC, associate: IC, coordinator: IC,
  agent: IC, officer: IC, lead: IC, designer: IC, scientist: IC, intern: IC,
  consultant: { ...IC, influencer: true }, advisor: { ...IC, influencer: true },
  adviser: { ...IC, influencer: true },
  executive: { ...IC, principal: true },
  assistant: { ...IC, assistant: true }, secretary: { ...IC, assistant: true },
  ea: { ...IC, assistant: true, principal: true }, pa: { ...IC, assistant: true, principal: true },
  accountant: { ...IC, ...f('finance') }, buyer: { ...IC, ...f('operations'), influencer: true },
  purchaser: { ...IC, ...f('operations'), influencer: true },
  recruiter: { ...IC, ...f('hr') }, paralegal: { ...IC, ...f('legal') },
  counsel: { ...IC, ...f('legal') }, attorney: { ...IC, ...f('legal') }, lawyer: { ...IC, ...f('legal') },
  ae: { ...IC, ...f('sales') }, sdr: { ...IC, ...f('sales') }, bdr: { ...IC, ...f('sales') },
  kam: { ...IC, ...f('sales') }, csm: { ...IC, ...f('sales') },
  deputy: { deputy: true }, vice: { deputy: true },
  // Functions
  sales: f('sales'), revenue: f('sales'), commercial: f('sales'), channel: f('sales', 2),
  alliances: f('sales', 2), partnerships: f('sales', 2), presales: f('sales'), bizdev: f('sales'),
  marketing: f('marketing'), brand: f('marketing'), communications: f('marketing'),
  pr: f('marketing'), growth: f('marketing', 2),
  it: f('it-engineering', 2), ict: f('it-engineering', 2), engineering: f('it-engineering', 2),
  software: f('it-engineering', 2), technology: f('it-engineering', 2), tech: f('it-engineering', 2),
  information: f('it-engineering', 2), security: f('it-engineering', 2),
  infrastructure: f('it-engineering', 2), network: f('it-engineering', 2),
  systems: f('it-engineering', 2), data: f('it-engineering', 2), digital: f('it-engineering', 2),
  devops: f('it-engineering', 2), cloud: f('it-engineering', 2), telecoms: f('it-engineering', 2),
  support: f('it-engineering', 2), qa: f('it-engineering', 2),
  finance: f('finance'), financial: f('finance'), accounting: f('finance'), treasury: f('finance'),
  tax: f('finance'), audit: f('finance'), controlling: f('finance'), controller: { ...IC, ...f('finance') },
  procurement: { ...f('operations'), influencer: true }, purchasing: { ...f('operations'), influencer: true },
  sourcing: { ...f('operations'), influencer: true }, logistics: f('operations'),
  facilities: f('operations'), operations: f('operations', 1), operating: f('operations'),
  ops: f('operations', 1),
  hr: f('hr'), people: f('hr'), talent: f('hr'), recruiting: f('hr'), recruitment: f('hr'),
  legal: f('legal'), compliance: f('legal'),
};

export const EN_PHRASES: Record<string, Signal> = {
  'co founder': office('executive'),
  'managing director': office('executive'),
  'managing partner': office('executive'),
  'senior partner': office('executive'),
  'general manager': office('executive'),
  'general counsel': office('legal'),
  'vice president': VP,
  'non executive director': { ...C, advisory: true },
  'non executive': { ...C, advisory: true },
  'advisory board': { ...C, advisory: true },
  'board advisor': { ...C, advisory: true },
  'chief of staff': { ...DIR, fn: 'executive', advisory: true },
  'head of': DIR,
  'team lead': MGR, 'team leader': MGR, 'group lead': MGR,
  'account manager': { ...IC, ...f('sales') },
  'account executive': { ...IC, ...f('sales') },
  'partner manager': { ...IC, ...f('sales') },
  'territory manager': { ...IC, ...f('sales') },
  'customer success manager': { ...IC, ...f('sales') },
  'customer success': f('sales'),
  'business development': f('sales'),
  'business partner': IC,
  'product owner': { ...IC, ...f('it-engineering', 2) },
  'project manager': MGR,
  'office manager': { ...MGR, ...f('operations') },
  'category manager': { ...MGR, ...f('operations'), influencer: true },
  'financial controller': { ...MGR, ...f('finance') },
  'accounts payable': f('finance'), 'accounts receivable': f('finance'),
  'supply chain': f('operations'),
  'service desk': f('it-engineering', 2), 'help desk': f('it-engineering', 2),
  'human resources': f('hr'),
  'talent acquisition': f('hr'),
  'data protection': f('legal'),
};
