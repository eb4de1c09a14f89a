// Meetings and inspections introduced in a sentence, and the roles its clauses give to people.
//
// A meeting is a name ending in a meeting word (会议, 座谈会, 调度会 …) that a trigger says took place:
// 召开/举行/出席/参加/主持 + name, name + (在 venue)? 召开/举行, or 在 + name + 上. The name runs left from the
// meeting word to the nearest boundary (punctuation, a trigger, a date, a person, 的); in an apposition
// "“新春第一会”——全市…大会" the second name wins. An inspection is 在/赴/到 + place … + 调研/考察 (在北京市调研),
// or person + 调研 + object (调研重点项目建设情况).
import type { DateMention, Doc, PersonMention, RoleKind, Span } from '../doc.ts';
import type { Lexicon, VerbRole } from '../dictionaries/compile.ts';
import type { Local } from './events.ts';
import { charCodes, skipOpeners } from '../text/lines.ts';

const BEFORE_TRIGGER = /(?:主持召开|召开了|召开|举行了|举行|出席了|出席|参加了|参加|主持|列席|参与|观看)$/;
const AFTER_TRIGGER = /^(?:在[^，。；]{1,30}?)?(?:隆重|以视频形式|以电视电话形式)?(?:召开|举行|开幕|闭幕)/;
const REFERENCE_AFTER = /^(?:精神|部署|要求|决策|文件|纪要|通过的|审议通过|作出|提出|强调|指出)/;
/** Words that refer back to a meeting already named (此次会议, 这次会议): before the name or as all of it. */
const ANAPHORIC = '此次|本次|这次|那次|该|上述|这一|此';
const ANAPHORIC_BEFORE = new RegExp(`(?:${ANAPHORIC})$`);
const ANAPHORIC_START = new RegExp(`^(?:${ANAPHORIC})$`);
/** 会议室, 会议厅, 会议中心: a room or a building, not a meeting. */
const PLACE_AFTER = /^(?:室|厅|中心|楼|桌|纪要)/;
const NAME_CHAR = /[\u4e00-\u9fff0-9０-９“”"《》·—\-]/;

export interface FoundMeeting extends Span {
  kind: 'meeting' | 'inspection';
  name: string;
  rule: string;
  date?: DateMention;
  venue?: string;
}

/** The left edge of a meeting name: back over name characters (and whole quotations) to a boundary. */
function nameStart(text: string, floor: number, wordStart: number, stops: Set<number>): number {
  let start = wordStart;
  while (start > floor && !stops.has(start)) {
    const c = text[start - 1];
    if (c === '”' || c === '"') {
      // A quotation is part of the name (泰州市“办好人民满意的教育”推进大会).
      const open = text.lastIndexOf(c === '”' ? '“' : '"', start - 2);
      if (open < floor || start - open > 30) break;
      start = open;
      continue;
    }
    if (!NAME_CHAR.test(c) || c === '的' || c === '在' || c === '把') break;
    if (BEFORE_TRIGGER.test(text.slice(Math.max(floor, start - 4), start))) break;
    start--;
  }
  return start;
}

/** 在西安市疫情防控指挥部召开 → the venue; not when what stands there is an action (在北京市调研并主持召开). */
function venueOf(lex: Lexicon, after: string): string | undefined {
  const m = /^在([^，。；]{2,30}?)(?:隆重|以视频形式)?(?:召开|举行)/.exec(after);
  return m && plainPlace(lex, m[1]) ? m[1] : undefined;
}

function venueBefore(lex: Lexicon, before: string): string | undefined {
  const m = /在([^，。；在]{2,24}?)主持召开$/.exec(before);
  return m && plainPlace(lex, m[1]) ? m[1] : undefined;
}

function plainPlace(lex: Lexicon, s: string): boolean {
  if (/[并和及]$/.test(s)) return false;
  for (let i = 0; i < s.length; i++) if (lex.verbs.longestAt(s, i)) return false;
  return true;
}

export function findMeetings(doc: Doc, lex: Lexicon, s: Span, local: Local): FoundMeeting[] {
  const text = doc.text;
  const out: FoundMeeting[] = [];
  const { present: people, dates } = local;
  // Made when the sentence has a meeting word (most have none).
  let stops: Set<number> | undefined;
  let dated: boolean | undefined;

  // Every meeting word, at every position (调度会 and 会议 in 调度会议): the longest name wins below.
  const candidates: FoundMeeting[] = [];
  for (let k = s.start; k < s.end; k++) {
    const w = lex.meetingWords.longestAt(text, k, s.end);
    if (!w || w.values[0].kind !== 'meeting') continue;
    if (!stops) {
      stops = new Set<number>();
      for (const m of [...people, ...dates, ...local.titles]) stops.add(m.end);
      const sentenceOpener = skipOpeners(text, s.start, s.end);
      dated = dates.some((d) => d.start === sentenceOpener && d.rule !== 'date:vague');
    }
    const start = nameStart(text, s.start, w.start, stops);
    const before = text.slice(Math.max(s.start, start - 6), start);
    const after = text.slice(w.end, Math.min(s.end, w.end + 40));
    if (ANAPHORIC_BEFORE.test(before) || REFERENCE_AFTER.test(after) || PLACE_AFTER.test(after)) continue;
    const how = BEFORE_TRIGGER.test(before) ? 'trigger+name' : AFTER_TRIGGER.test(after) ? 'name+trigger' : /在[^，。；]*$/.test(text.slice(s.start, start)) && /^上/.test(after) ? '在+name+上' : dated ? 'dated-sentence' : undefined;
    if (!how) continue;
    // Apposition: “新春第一会”———全市县域经济高质量发展大会 → the part after the dashes.
    let nameFrom = start;
    const dash = text.slice(start, w.start).search(/[—\-]{2,}/);
    if (dash >= 0) {
      nameFrom = start + dash;
      while (/[—\-]/.test(text[nameFrom])) nameFrom++;
    }
    // 这次会议 refers back; a name with 了 in it is a clause (各代表团认真审议了全国人大常委会).
    if (ANAPHORIC_START.test(text.slice(nameFrom, w.start)) || text.slice(nameFrom, w.start).includes('了')) continue;
    const name = text.slice(nameFrom, w.end);
    // A bare meeting word is a name only when a trigger stands before it and it says what kind of meeting
    // (主持召开座谈会); 出席会议 refers back to a meeting already named.
    const bare = name.length < w.end - w.start + 2;
    if (bare && !/常务会议|常委会/.test(name) && !(how === 'trigger+name' && name.length >= 3)) continue;
    const venue = venueOf(lex, after) ?? venueBefore(lex, text.slice(s.start, start));
    candidates.push({ kind: 'meeting', start: nameFrom, end: w.end, name, rule: `meeting:${how}`, ...(venue ? { venue } : {}) });
  }
  // A name inside a longer one (调度会 in 调度会议, 推进会 in 推进会暨…表彰大会) is that one.
  for (const c of candidates) if (!candidates.some((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start)) out.push(c);

  // Inspections: 在/赴/到 + place… + verb (在北京市调研), or person + verb + object (匡健调研重点项目建设情况).
  const sentence = text.slice(s.start, s.end);
  if (!INSPECTION_HINT.test(sentence)) return finish(out, dates, s);
  const placeVisit = /(?:在|赴|到|深入)([^，。；、在赴到]{2,16}?)(调研|考察|检查|督查|视察|督导|开展[^，。；]{0,30}?(?:指导|督导|调研|考察)工作)/g;
  let m: RegExpExecArray | null;
  while ((m = placeVisit.exec(sentence))) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const hasPlace = local.places.some((x) => x.start >= start && x.end <= end);
    if (!hasPlace) continue;
    out.push({ kind: 'inspection', start, end, name: m[0], rule: 'inspection:在+place+verb' });
  }
  for (const p of people) {
    if (p.start < s.start || p.end > s.end) continue;
    const rest = text.slice(p.end, s.end);
    const v = /^(?:[0-9０-９]{1,2}日)?(?:上午|下午)?(?:一行)?(?:先后)?(调研|考察|视察|督查|检查)([^，。；]{2,30})/.exec(rest);
    if (!v || out.some((o) => o.kind === 'inspection' && o.start <= p.end + v[0].length && o.end >= p.end)) continue;
    const start = p.end + v[0].indexOf(v[1]);
    const end = p.end + v[0].length;
    out.push({ kind: 'inspection', start, end, name: text.slice(start, end), rule: 'inspection:person+verb+object' });
  }
  return finish(out, dates, s);
}

/** Sorted, each with its date: the last date of the sentence before it, else the first one after. */
function finish(out: FoundMeeting[], dates: DateMention[], s: Span): FoundMeeting[] {
  out.sort((a, b) => a.start - b.start);
  for (const f of out) {
    const before = dates.filter((d) => d.end <= f.start);
    f.date = before[before.length - 1] ?? dates.find((d) => d.start >= f.end && d.end <= s.end);
  }
  return out;
}

export interface RoleClaim {
  personId: number;
  role: RoleKind;
  span: Span;
  rule: string;
}

const INSPECTION_HINT = /调研|考察|检查|督查|视察|督导|工作/;
const CLAUSE_END = charCodes('，,；;。');
/** The meeting role of a verb's role in verbs.csv. */
export const ROLE_OF: Partial<Record<VerbRole, RoleKind>> = { chair: 'chair', attend: 'attendee', speak: 'speaker' };

/**
 * Roles from the clauses of a sentence: people named before a role verb take its role
 * (省长赵一德讲话,省委常委、西安市委书记方红卫主持,副省长方光华、西安市市长李明远参加). People in clauses with no
 * verb of their own wait for the next one (…方红卫,副省长方光华,西安市市长李明远出席).
 */
export function findRoles(doc: Doc, lex: Lexicon, s: Span, people: PersonMention[], until = s.end): RoleClaim[] {
  const text = doc.text;
  const out: RoleClaim[] = [];
  let pending: PersonMention[] = [];
  let lastSubjects: PersonMention[] = [];
  let clauseStart = s.start;
  // Per clause: nothing is allocated for a clause without people or verbs (most clauses).
  let verbs: { role: RoleKind; at: number; verb: string }[] | undefined;
  let next = 0; // people are in text order: the first one not yet in a clause
  for (let i = s.start; i <= until; i++) {
    if (i < until && !CLAUSE_END.has(text.charCodeAt(i))) continue;
    let lastPerson: PersonMention | undefined;
    for (; next < people.length && people[next].start < i; next++) {
      const p = people[next];
      if (p.start >= clauseStart && p.end <= i) {
        pending.push(p);
        lastPerson = p;
      }
    }
    verbs = undefined;
    // Roles need someone to take them: with nobody named or waiting, skip the clause.
    const scanFrom = pending.length || lastSubjects.length ? (lastPerson ? lastPerson.end : clauseStart) : i;
    for (let k = scanFrom; k < i; k++) {
      const v = lex.verbs.longestAt(text, k, i);
      if (!v) continue;
      for (const e of v.values) {
        const role = ROLE_OF[e.role];
        if (role) (verbs ??= []).push({ role, at: k, verb: e.verb });
        if (e.role === 'speech' && pending.length) return out; // reported speech begins: its content holds no roles
      }
      k = v.end - 1;
    }
    // A clause with a verb but no subject shares the subject of the clause before (…主持会议，…并作重要讲话).
    const subjects = pending.length ? pending : verbs ? lastSubjects : [];
    if (verbs && subjects.length) {
      for (const v of verbs) for (const p of subjects) out.push({ personId: p.personId, role: v.role, span: { start: p.start, end: p.end }, rule: `role:${v.verb}` });
      lastSubjects = subjects;
      pending = [];
    }
    // A clause with people but no verb (…方红卫,) or with neither (省直有关部门和各市…) keeps them waiting.
    clauseStart = i + 1;
  }
  return out;
}
