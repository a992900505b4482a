import { DIR, f, IC, MGR } from './title-words';
import type { Signal } from './types';

/**
 * Compound-word parts for German and Swedish, which glue function and level into one word:
 * `Vertriebs|leiter`, `Försäljnings|chef`, `System|utvecklare`. A word that is not in a word
 * table is matched against the longest head (function) and the longest tail (level).
 *
 * Decisions:
 * - German `-leiter` heads a department (Vertriebsleiter, Abteilungsleiter, IT-Leiter): director.
 *   Team-, Gruppen-, Projekt- and Schichtleiter lead a team or a project: manager.
 * - Swedish `-chef` heads a function and holds its budget (Försäljningschef, Ekonomichef,
 *   Inköpschef, IT-chef, Avdelningschef): director. Grupp-, team- and skiftchef: manager.
 *   A bare `chef` (Swedish "chef för …", French "chef de projet") is manager.
 * - Swedish `-direktör` is director; `-ansvarig` and `-ledare` are manager.
 */
export const TAIL_STEMS: Record<string, Signal> = {
  leiter: DIR, leiterin: DIR,
  teamleiter: MGR, teamleiterin: MGR, gruppenleiter: MGR, gruppenleiterin: MGR,
  projektleiter: MGR, projektleiterin: MGR, schichtleiter: MGR,
  chef: DIR, gruppchef: MGR, teamchef: MGR, skiftchef: MGR,
  direktor: DIR, ansvarig: MGR, ledare: MGR,
  entwickler: { ...IC, ...f('it-engineering', 2) }, utvecklare: { ...IC, ...f('it-engineering', 2) },
  ingenieur: { ...IC, ...f('it-engineering', 2) }, ingenjor: { ...IC, ...f('it-engineering', 2) },
  tekniker: { ...IC, ...f('it-engineering', 2) }, techniker: { ...IC, ...f('it-engineering', 2) },
  administrator: IC, mitarbeiter: IC, sachbearbeiter: IC, referent: IC, referentin: IC,
  berater: { ...IC, influencer: true }, specialist: IC, spezialist: IC, koordinator: IC,
  assistent: { ...IC, assistant: true },
  saljare: { ...IC, ...f('sales') }, einkaufer: { ...IC, ...f('operations'), influencer: true },
  inkopare: { ...IC, ...f('operations'), influencer: true },
  buchhalter: { ...IC, ...f('finance') }, ekonom: { ...IC, ...f('finance') },
  jurist: { ...IC, ...f('legal') },
};

/** Function heads of compounds; a head must be shorter than the word it starts. */
export const HEAD_STEMS: Record<string, Signal> = {
  vertrieb: f('sales'), verkauf: f('sales'), aussendienst: f('sales'), forsaljning: f('sales'),
  salj: f('sales'),
  einkauf: { ...f('operations'), influencer: true }, beschaffung: { ...f('operations'), influencer: true },
  inkop: { ...f('operations'), influencer: true }, logistik: f('operations'),
  produktion: f('operations', 1),
  marketing: f('marketing'), marknad: f('marketing'), kommunikation: f('marketing'),
  finanz: f('finance'), buchhalt: f('finance'), ekonomi: f('finance'), redovisning: f('finance'),
  personal: f('hr'), rekryter: f('hr'),
  software: f('it-engineering', 2), system: f('it-engineering', 2), informatik: f('it-engineering', 2),
  netzwerk: f('it-engineering', 2), natverk: f('it-engineering', 2), daten: f('it-engineering', 2),
  rechts: f('legal'),
};
