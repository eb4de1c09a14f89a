// The matching rules that decide which predicted row answers which gold item — the same rules as the
// independent Python scorer, score.py, as pure functions so each can be tested on hand-made rows.
import { datePart, firstCodePoints, codePoints, norm, shortPlace, similarity, speakerKey } from './text.ts';

/** The office without its leading place, full or short: (西安市市长, 西安市) → 市长; (陕西省委书记, 陕西省) → 委书记. */
export function stripPlace(title: string, jurisdiction: string): string {
  const t = norm(title);
  const j = norm(jurisdiction);
  const prefixes = [...new Set([j, shortPlace(j)])].sort((a, b) => codePoints(b) - codePoints(a));
  for (const prefix of prefixes) {
    if (prefix && t.startsWith(prefix) && codePoints(t) > codePoints(prefix)) return t.slice(prefix.length);
  }
  return t;
}

/**
 * A predicted office answers a gold one when the places agree in short form and the offices, written without
 * the place, are equal or one ends the other (委书记 answers 省委书记; 常务副省长 answers 副省长 and back).
 */
export function titleMatches(predTitle: string, predJurisdiction: string, goldTitle: string, goldJurisdiction: string): boolean {
  if (shortPlace(predJurisdiction) !== shortPlace(goldJurisdiction)) return false;
  const a = stripPlace(predTitle, predJurisdiction);
  const b = stripPlace(goldTitle, goldJurisdiction);
  return !!a && !!b && (a === b || a.endsWith(b) || b.endsWith(a));
}

export interface TitleKey {
  /** Normalised name. */
  name: string;
  title: string;
  jurisdiction: string;
}

/**
 * Gold offices in gold order, each taking the first unused predicted office of the same person that matches.
 * Returns gold index → predicted index. (score.py walks a Python set here, whose order varies with the hash
 * seed; row order is the deterministic reading, and both agree whenever a gold office has one candidate.)
 */
export function matchTitles(gold: TitleKey[], pred: TitleKey[]): Map<number, number> {
  const matched = new Map<number, number>();
  const used = new Set<number>();
  gold.forEach((g, gi) => {
    const pi = pred.findIndex(
      (p, i) => !used.has(i) && p.name === g.name && titleMatches(p.title, p.jurisdiction, g.title, g.jurisdiction),
    );
    if (pi >= 0) {
      used.add(pi);
      matched.set(gi, pi);
    }
  });
  return matched;
}

export interface MeetingKey {
  name: string;
  /** Gold: ISO date or null; predicted: the cell (its yyyy-mm-dd part counts). */
  date: string | null;
}

/** Names this similar (bigram Dice) may pair without a shared date. */
export const MEETING_NAME_SIMILARITY = 0.45;
/** What a shared date adds to the similarity. */
export const SAME_DATE_BONUS = 0.5;

/**
 * Meetings pair greedily, best candidate first: similar names (≥ 0.45), or the same date, which also adds 0.5
 * to the score. Ties go to the higher gold, then predicted, index, as score.py's descending tuple sort does.
 * Returns gold index → predicted index.
 */
export function pairMeetings(gold: MeetingKey[], pred: MeetingKey[]): Map<number, number> {
  const candidates: { score: number; gi: number; pi: number }[] = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      const s = similarity(p.name, g.name);
      const sameDay = !!g.date && datePart(p.date) === g.date;
      if (s >= MEETING_NAME_SIMILARITY || sameDay) candidates.push({ score: s + (sameDay ? SAME_DATE_BONUS : 0), gi, pi });
    });
  });
  candidates.sort((x, y) => y.score - x.score || y.gi - x.gi || y.pi - x.pi);
  const pairs = new Map<number, number>();
  const usedPred = new Set<number>();
  for (const { gi, pi } of candidates) {
    if (pairs.has(gi) || usedPred.has(pi)) continue;
    pairs.set(gi, pi);
    usedPred.add(pi);
  }
  return pairs;
}

/** How much of a gold directive's text a predicted one must contain (README: an opening of ≥ 16 characters). */
export const DIRECTIVE_ANCHOR_CHARS = 16;

export function directiveAnchor(goldText: string): string {
  return firstCodePoints(norm(goldText), DIRECTIVE_ANCHOR_CHARS);
}

export interface DirectiveMatch {
  pred: number;
  sameSpeaker: boolean;
}

/**
 * Each gold directive, in order, takes the first unused predicted row whose text contains the gold opening
 * (so a longer or differently cut sentence still counts); the speaker is compared separately, 会议 and
 * "the meeting" being one. Returns gold index → match.
 */
export function matchDirectives(
  gold: { text: string; speaker: string }[],
  pred: { directive: string; speaker: string }[],
): Map<number, DirectiveMatch> {
  const predTexts = pred.map((p) => norm(p.directive));
  const used = new Set<number>();
  const matches = new Map<number, DirectiveMatch>();
  gold.forEach((g, gi) => {
    const anchor = directiveAnchor(g.text);
    if (!anchor) return;
    const pi = predTexts.findIndex((t, i) => !used.has(i) && t.includes(anchor));
    if (pi < 0) return;
    used.add(pi);
    matches.set(gi, { pred: pi, sameSpeaker: speakerKey(pred[pi].speaker) === speakerKey(g.speaker) });
  });
  return matches;
}

export interface Entity {
  /** Where the run put it, e.g. officials.name. */
  where: string;
  value: string;
}

export interface Leak {
  /** The not_in_article entry, as the gold writes it. */
  name: string;
  /** The first entity that contains it. */
  found: Entity;
}

/**
 * not_in_article entries that turn up inside an entity of the article. Containment, not equality: 王某某
 * inside 王某某同志, or 碑林区 inside a longer place, is the same leak.
 */
export function findLeaks(notInArticle: string[], entities: Entity[]): Leak[] {
  const normalised = entities.map((e) => ({ entity: e, key: norm(e.value) })).filter((e) => e.key);
  const leaks: Leak[] = [];
  for (const name of new Set(notInArticle)) {
    const key = norm(name);
    if (!key) continue;
    const hit = normalised.find((e) => e.key.includes(key));
    if (hit) leaks.push({ name, found: hit.entity });
  }
  return leaks;
}
