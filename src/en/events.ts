// English events: meetings and inspections ("at a teleconference of …", "during an inspection in …"), their
// roles, and one directive per sentence of reported speech:
//   Sun Chunlan has stressed <content>          — subject, (has/also/on Monday …), verb, content
//   Gao Lirong, Party secretary of …, urged …   — an appositive between the subject and the verb
//   <content>, Zhang said(, calling for …)      — content first, attribution after it ("…," said Zhang)
//   The meeting urged <content>                 — speaker 会议, as in the Chinese tables
//   Zhang visited …, urging <content>           — a participle, when the sentence has no other attribution
// Roles: "X presided over", "X and Y attended", "chaired by X", "attended by X and Y", "X, who chaired …".
// "the trip", "the meeting" (definite, with nothing after) are the event already named, not a new one.
import type { DateMention, Directive, Doc, Meeting, PersonMention, RoleKind, Span } from '../doc.ts';
import { escapeRe, type Lexicon } from '../dictionaries/compile.ts';
import { similar } from '../link/events.ts';
import { ROLE_OF } from '../link/meetings.ts';
import { isLowerCase } from '../text/lines.ts';
import { MONTH, WEEKDAY } from './tag.ts';
import { allMatches, anyOf, perObject } from './patterns.ts';
import { english, type EnglishLexicon, type EnglishVerb } from './teach.ts';

const MEETING_NOUN = 'teleconference|video conference|videoconference|conference|meeting|symposium|session|forum|seminar';
const TRIP_NOUN = 'inspection tour|inspection|fact-finding trip|trip|tour|visit';
/** The rest of an event's phrase: up to punctuation or the verb of the clause ("… on X was held in …"). */
const TAIL = '[^,.;:]*?(?=\\s+(?:was|were|is|are|has|have|had|will|which|that)\\b|[,.;:]|$)';
const EVENT = new RegExp(
  `\\b(?:an?|the)\\s+((?:(?!(?:an?|the|at|of|in|on|to|for|with|and|by|from)\\s)[\\w'’-]+\\s){0,3}?(${MEETING_NOUN}|${TRIP_NOUN}))\\b((?:\\s(?:of|on|in|to|at|for|with|about|against)\\b${TAIL}|\\s(?:held|convened)\\s(?:in|on|at|by)\\b${TAIL})?)`,
  'gi',
);
/** A dateline opening the first sentence: "BEIJING, Sept. 22 (Xinhua) -- ". */
const DATELINE = "(?:[A-Z][A-Z.'’ -]{2,},[^()]{0,30}\\([^)]{1,30}\\)\\s*[-–—]+\\s*)?";
/** "while inspecting Henan Province", "when visiting a grain depot in Zhengzhou". */
const INSPECTING = /\b(?:while|when|during|after)\s+((?:inspecting|visiting|touring)\s+[^,.;:]+)/gi;
const INSPECTED = new RegExp(`^(?:\\s*,[^,]{1,80},)?(?:\\s+(?:(?:on\\s+)?${WEEKDAY}|also|has|have))*\\s+((?:inspected|visited|toured)\\s+[^,.;:]+)`);
const IT_SAID = /,\s*["”]?\s*(?:it|the meeting|the conference)\s+(said|noted|stressed|added|urged)\s*[.]?\s*$/i;
const INSPECTION = new RegExp(`^(?:${TRIP_NOUN})$`, 'i');
/** When, between subject and verb or after the verb: "on Monday", "on Jan. 17", "Tuesday". */
const WHEN = `(?:on\\s+)?(?:${WEEKDAY}|${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)`;
const AUX = `(?:\\s+(?:has|have|had|also|further|again|then|repeatedly|once again|${WHEN}))*`;
/** After the verb and before the content: a date, "that", an opening quote. */
const LEAD = `(?:\\s+${WHEN})?(?:\\s*,)?(?:\\s+that)?\\s*["“]?`;
/** Where and when after a meeting's name: "… from Monday", "… on Jan. 17 …". */
const WHEN_AFTER = new RegExp(`\\s+(?:(?:from|between)\\s+)?${WHEN}\\b.*$`);
/** "The meeting", "The State Council executive meeting" opening a sentence, as its subject. */
const MEETING_SUBJECT = new RegExp(`^${DATELINE}["“]?The\\s+(?:[\\w'’-]+\\s+){0,5}?(?:${MEETING_NOUN})\\b`);

/** A speech verb with its patterns (see attribution). */
interface SpeechVerb {
  verb: EnglishVerb;
  /** As often something else ("held a meeting"): the content must open with "that". */
  needsThat: boolean;
  /** "…, Zhang said." — the verb closes the clause. */
  closes: RegExp;
  /** "…, said Gao Lirong" — the verb before the name, at the end. */
  inverted: RegExp;
  /** "Zhang (has) stressed (that) …" — after the subject. */
  afterSubject: RegExp;
  /** "…, urging …" — an -ing form after the main clause. */
  participle?: RegExp;
}

/** A verb of presiding, attending or speaking with its patterns (see roles). */
interface RoleVerb {
  verb: EnglishVerb;
  role: RoleKind;
  /** "X presided over", "X and Y attended". */
  active: RegExp;
  /** "X, who chaired the meeting, …". */
  relative: RegExp;
  /** "chaired by X" — -ed forms. */
  passive?: RegExp;
}

/** The patterns of the lexicon's verbs (in its order, longest form first) and titles, built once. */
const patternsOf = perObject((en: EnglishLexicon) => {
  // Speech verbs that are as often something else ("held a meeting") need "that".
  const other = new Set(en.verbs.filter((v) => v.role !== 'speech').map((v) => v.form));
  const speech = en.verbs
    .filter((v) => v.role === 'speech')
    .map((verb): SpeechVerb => {
      const form = escapeRe(verb.form);
      const needsThat = other.has(verb.form);
      return {
        verb,
        needsThat,
        closes: new RegExp(`^${AUX}\\s+${form}(?:\\s+${WHEN})?(?=\\s*[,.;]|\\s*$)`),
        inverted: new RegExp(`,\\s*["”]?\\s*${form}\\s+((?:[A-Z][\\w'’-]*\\s+|[a-z]+\\s+(?=[A-Z]))*)$`),
        afterSubject: new RegExp(`^${AUX}\\s+${form}${needsThat ? `(?:\\s+${WHEN})?\\s+that\\s*` : LEAD}`),
        ...(/ing\b/.test(verb.form) ? { participle: new RegExp(`,\\s+(?:and\\s+)?${form}${LEAD}`) } : {}),
      };
    });
  const roles = en.verbs
    .filter((v) => ROLE_OF[v.role])
    .map((verb): RoleVerb => {
      const form = escapeRe(verb.form);
      return {
        verb,
        role: ROLE_OF[verb.role]!,
        active: new RegExp(`^${AUX}\\s+${form}\\b`),
        relative: new RegExp(`^,\\s+who${AUX}\\s+${form}\\b`),
        ...(/ed\b/.test(verb.form) ? { passive: new RegExp(`\\b${form}\\s+by\\s+`, 'g') } : {}),
      };
    });
  // The forms by their first three characters, to look up at the start of each word (see SentenceVerbs).
  const formsByStart = new Map<string, Set<string>>();
  const unindexed = new Set<string>();
  for (const { form } of en.verbs) {
    if (!/^[a-z]../.test(form)) unindexed.add(form);
    else formsByStart.set(form.slice(0, 3), (formsByStart.get(form.slice(0, 3)) ?? new Set()).add(form));
  }
  return {
    speech,
    roles,
    speechAt: indexByForm(speech),
    rolesAt: indexByForm(roles),
    formsByStart,
    unindexed,
    /** An office that ends the text: "Vice Governor" (one pattern: only whether any title matches counts). */
    titleAtEnd: new RegExp(`(?:^|\\s)${anyOf(en.titles.map((t) => t.phrase))}$`, 'i'),
    titlesLower: en.titles.map((t) => t.phrase.toLowerCase()),
  };
});

/** Where each form is in `verbs`: its indices. */
function indexByForm(verbs: { verb: EnglishVerb }[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  verbs.forEach(({ verb }, i) => at.set(verb.form, [...(at.get(verb.form) ?? []), i]));
  return at;
}

/**
 * The verbs written in one sentence, with their patterns, in the lexicon's order; found when first asked
 * for, as most sentences need none. Every verb pattern holds the verb's form as written, after a character
 * that is no letter (a space, a comma, a quote, \b), so no other verb can match in the sentence or any part
 * of it: leaving them out changes nothing but the time. Each word is looked up by its first three letters,
 * and the forms that start so are compared with it.
 */
class SentenceVerbs {
  private forms?: string[];
  private speechVerbs?: SpeechVerb[];
  private roleVerbs?: RoleVerb[];

  constructor(
    private readonly en: EnglishLexicon,
    private readonly sentence: string,
  ) {}

  get speech(): SpeechVerb[] {
    const { speech, speechAt } = patternsOf(this.en);
    return (this.speechVerbs ??= this.written(speech, speechAt));
  }

  get roles(): RoleVerb[] {
    const { roles, rolesAt } = patternsOf(this.en);
    return (this.roleVerbs ??= this.written(roles, rolesAt));
  }

  /** The verbs of `verbs` (indexed by form in `byForm`) written in the sentence, in their order. */
  private written<T>(verbs: T[], byForm: Map<string, number[]>): T[] {
    const indices = (this.forms ??= this.formsWritten()).flatMap((form) => byForm.get(form) ?? []);
    return indices.sort((a, b) => a - b).map((i) => verbs[i]);
  }

  private formsWritten(): string[] {
    const { formsByStart, unindexed } = patternsOf(this.en);
    const s = this.sentence;
    const forms = new Set<string>();
    for (let at = 0; at + 3 <= s.length; at++) {
      if (!isLowerCase(s.charCodeAt(at)) || (at > 0 && isLowerCase(s.charCodeAt(at - 1)))) continue;
      for (const form of formsByStart.get(s.slice(at, at + 3)) ?? []) if (s.startsWith(form, at)) forms.add(form);
    }
    for (const form of unindexed) if (s.includes(form)) forms.add(form);
    return [...forms];
  }
}

export function linkEnglishEvents(doc: Doc, lex: Lexicon): void {
  const en = english(lex);
  const text = doc.text;
  const people = doc.mentions.filter((m): m is PersonMention => m.type === 'person').sort((a, b) => a.start - b.start);
  const dates = doc.mentions.filter((m): m is DateMention => m.type === 'date');
  const places = doc.mentions.filter((m) => m.type === 'place');
  const meetings: Meeting[] = [];
  let current: Meeting | undefined;

  const addRole = (m: Meeting, personId: number, role: RoleKind, span: Span, rule: string) => {
    if (!m.roles.some((r) => r.personId === personId && r.role === role)) m.roles.push({ personId, role, start: span.start, end: span.end, rule });
  };

  doc.sentences.forEach((s, index) => {
    if (doc.paragraphs[s.paragraph].kind === 'title') return;
    const sentence = text.slice(s.start, s.end);
    // The dateline's date is when the news was filed, not when the event took place.
    const sentenceDates = dates.filter((d) => d.start >= s.start && d.end <= s.end && d.rule !== 'date:dateline');
    const found: { start: number; noun: string; phrase: string; definite: boolean; bare: boolean }[] = [];
    for (const m of allMatches(sentence, EVENT)) {
      const phrase = (m[1] + m[3]).trim();
      found.push({ start: s.start + m.index! + m[0].indexOf(m[1]), noun: m[2], phrase, definite: /^the\s/i.test(m[0]), bare: !m[3].trim() && !/[A-Z]/.test(m[1]) });
    }
    // "Lou Yangsheng on Wednesday inspected flood-hit areas in Zhengzhou": a person's inspection — unless
    // the sentence names its event already ("During the trip, Zhao visited coal mines") or, undated, goes on
    // with the event already reported ("Zhao, accompanied by …, visited farms").
    const newVisit = !found.length && (!meetings.length || sentenceDates.length > 0);
    for (const p of newVisit ? people : []) {
      if (p.start < s.start || p.end > s.end) continue;
      const m = INSPECTED.exec(text.slice(p.end, s.end));
      if (!m) continue;
      const at = p.end + m.index + m[0].indexOf(m[1]);
      found.push({ start: at, noun: 'inspection', phrase: m[1].trim(), definite: false, bare: false });
    }
    for (const m of allMatches(sentence, INSPECTING)) {
      const phrase = m[1].trim();
      found.push({ start: s.start + m.index! + m[0].indexOf(m[1]), noun: 'inspection', phrase, definite: false, bare: false });
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) {
      const { noun, definite, start } = f;
      const kind = INSPECTION.test(noun) ? 'inspection' : 'meeting';
      // A meeting's name ends before where and when it was held: "a meeting on flood control | in Changsha |
      // on Tuesday" (an inspection is named by where it went: "inspection in Henan Province").
      // Where: "in <place>" inside the phrase, or "… was held in <place>" after it.
      const venue =
        kind !== 'meeting'
          ? undefined
          : (places.find((p) => p.start >= start && p.end <= start + f.phrase.length && /\bin\s+$/.test(text.slice(Math.max(start, p.start - 4), p.start))) ??
            places.find((p) => p.start > start && p.end <= s.end && /^\s+(?:was|were|is|will be)\s+held\s+in\s+(?:the\s+)?$/.test(text.slice(start + f.phrase.length, p.start))));
      let phrase = venue && venue.end <= start + f.phrase.length ? text.slice(start, venue.start).replace(/\s+in\s+$/, '') : f.phrase;
      phrase = phrase.replace(WHEN_AFTER, '').replace(/\s+(?:held|convened)$/, '');
      const end = start + phrase.length;
      const date = sentenceDates[0];
      // "the trip" alone, or "the three-day trip": the event already reported.
      const same = meetings.find((x) => x.kind === kind && (similar(x.name, phrase) || (definite && f.bare)));
      if (same) {
        if (!same.date && date?.date) Object.assign(same, { date: date.date, ...(date.endDate ? { endDate: date.endDate } : {}), dateText: text.slice(date.start, date.end) });
        current = same;
        continue;
      }
      // "The meeting urged …" in an article that names no event before: the meeting it reports.
      if (definite && f.bare && meetings.length) continue;
      const meeting: Meeting = {
        id: `${doc.id}#m${meetings.length + 1}`,
        kind,
        name: phrase,
        start,
        end,
        roles: [],
        rule: `en:meeting:${noun.toLowerCase()}`,
        sentence: index,
        ...(date?.date ? { date: date.date, ...(date.endDate ? { endDate: date.endDate } : {}), dateText: text.slice(date.start, date.end) } : {}),
        ...(venue ? { venue: venue.normalized } : {}),
      };
      meetings.push(meeting);
      doc.mentions.push({ type: 'meeting', start, end, normalized: phrase, meetingId: meeting.id, rule: meeting.rule });
      current = meeting;
    }

    const inSentence = people.filter((x) => x.start >= s.start && x.end <= s.end);
    const verbs = new SentenceVerbs(en, sentence);
    if (current) for (const r of roles(doc, en, s, inSentence, verbs)) addRole(current, r.person.personId, r.role, r.person, r.rule);

    const a = attribution(doc, en, s, inSentence, verbs);
    if (!a) return;
    const d: Directive = {
      id: `${doc.id}#e${doc.directives.length + 1}`,
      start: a.content.start,
      end: a.content.end,
      speaker: a.speaker,
      ...(a.personId !== undefined ? { personId: a.personId } : {}),
      verb: a.verb,
      attribution: a.span,
      rule: a.rule,
      ...(current ? { meetingId: current.id } : {}),
    };
    if (d.end - d.start < 3) return;
    doc.directives.push(d);
    doc.mentions.push({ type: 'speech', start: a.span.start, end: a.span.end, normalized: `${a.speaker}:${a.verb}`, rule: a.rule });
    if (current && a.personId !== undefined) addRole(current, a.personId, 'speaker', a.span, `speaker:${a.verb}`);
  });
  for (const m of meetings) m.roles = m.roles.filter((r) => r.role !== 'attendee' || !m.roles.some((o) => o.personId === r.personId && o.role !== 'attendee'));
  doc.meetings = meetings;
}

// ---- subjects -------------------------------------------------------------------------------------------

/**
 * The end of an appositive after a name — ", Party secretary of Hunan Province," / ", also a member of …," /
 * ", who …," — or `from` when there is none. An appositive names an office or opens with who/also.
 */
function afterAppositive(doc: Doc, en: EnglishLexicon, from: number, limit: number): number {
  // "Mayor Qian Haitao of Zhengzhou attended": the place of the office before the name.
  const of = /^\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}/.exec(doc.text.slice(from, limit));
  if (of) return from + of[0].length;
  const m = /^,\s+([^,;]{2,200}?),/.exec(doc.text.slice(from, limit));
  if (!m) return from;
  const inner = m[1].toLowerCase();
  if (/^(?:also|who|a|an|the)\b/.test(inner) || patternsOf(en).titlesLower.some((t) => inner.includes(t))) return from + m[0].length;
  return from;
}

/** Text between two names of one group: ", " / " and " / ", and ", an office before the second name allowed. */
function joins(en: EnglishLexicon, between: string): boolean {
  const m = /^(?:,|,?\s+and)\s+([^,;.]*)$/.exec(between);
  if (!m) return false;
  return titleOnly(en, m[1]);
}

/** The names that open at `first` and go together ("Zhao and Vice Governor Li, …"), and where they end. */
function group(doc: Doc, en: EnglishLexicon, first: number, names: PersonMention[], limit: number): { members: PersonMention[]; end: number } {
  const members = [names[first]];
  let end = afterAppositive(doc, en, names[first].end, limit);
  for (let i = first + 1; i < names.length; i++) {
    if (names[i].start < end || !joins(en, doc.text.slice(end, names[i].start))) break;
    members.push(names[i]);
    end = afterAppositive(doc, en, names[i].end, limit);
  }
  return { members, end };
}

// ---- roles ----------------------------------------------------------------------------------------------


function roles(doc: Doc, en: EnglishLexicon, s: Span, names: PersonMention[], sentenceVerbs: SentenceVerbs): { person: PersonMention; role: RoleKind; rule: string }[] {
  const text = doc.text;
  const out: { person: PersonMention; role: RoleKind; rule: string }[] = [];
  if (!names.length) return out; // each role is a name's
  const verbs = sentenceVerbs.roles;
  // Active: "X presided over", "X and Y attended", "X, who chaired the meeting, said".
  for (let i = 0; i < names.length; i++) {
    const { members, end } = group(doc, en, i, names, s.end);
    const next = i + members.length - 1;
    const rest = text.slice(end, s.end);
    const who = text.slice(names[i].end, s.end);
    for (const v of verbs) {
      const active = v.active.test(rest);
      const relative = v.relative.test(who);
      if (!active && !relative) continue;
      for (const person of active ? members : [names[i]]) out.push({ person, role: v.role, rule: `en:role:${v.verb.form}` });
      break;
    }
    i = next;
  }
  // Passive: "chaired by X", "attended by X, Y and Z", "accompanied by Vice Governor Li".
  const sentence = text.slice(s.start, s.end);
  for (const { verb: v, role, passive } of verbs) {
    if (!passive) continue;
    for (const m of allMatches(sentence, passive)) {
      const at = s.start + m.index! + m[0].length;
      const first = names.findIndex((p) => p.start >= at && /^(?:[A-Z][\w'’-]*\s+|[a-z]+\s+(?=[A-Z]))*$/.test(text.slice(at, p.start)));
      if (first < 0 || !titleOnly(en, text.slice(at, names[first].start))) continue;
      for (const person of group(doc, en, first, names, s.end).members) out.push({ person, role, rule: `en:role:${v.form} by` });
    }
  }
  return out;
}

/** Nothing, or an office ("Vice Governor "), before a name. */
function titleOnly(en: EnglishLexicon, before: string): boolean {
  const t = before.trim();
  return !t || patternsOf(en).titleAtEnd.test(t);
}

// ---- directives -----------------------------------------------------------------------------------------

interface EnglishAttribution {
  speaker: string;
  personId?: number;
  verb: string;
  span: Span;
  content: Span;
  rule: string;
}

/** The content between `start` and the sentence end, without quotes around it. */
function contentSpan(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && /[\s"“”]/.test(text[a])) a++;
  while (b > a && /[\s"“”,]/.test(text[b - 1])) b--;
  return { start: a, end: b };
}

/** The words of `content`, said by the person `p` with the verb `v`. */
function said(doc: Doc, p: PersonMention, v: EnglishVerb, span: Span, content: Span, rule: string): EnglishAttribution {
  return { speaker: doc.people[p.personId].name, personId: p.personId, verb: v.form, span, content, rule };
}

function attribution(doc: Doc, en: EnglishLexicon, s: Span, inSentence: PersonMention[], verbs: SentenceVerbs): EnglishAttribution | undefined {
  const text = doc.text;
  // Content first: "…, Zhang said, calling for …" / "…, Sun said." / "“…,” said Zhang."
  for (const p of inSentence) {
    const before = text.slice(s.start, p.start);
    const rest = text.slice(p.end, s.end);
    const comma = /,\s*["”]?\s*$/.exec(before);
    if (comma && before.trim().length >= 10) {
      // The verb closes the clause (said, / said.): otherwise the content follows it (…, Zhang urged X).
      const v = verbs.speech.find(({ needsThat, closes }) => !needsThat && closes.test(rest))?.verb;
      if (v) {
        const verbEnd = p.end + rest.indexOf(v.form) + v.form.length;
        return said(doc, p, v, { start: p.start, end: verbEnd }, contentSpan(text, s.start, p.start - comma[0].length), 'en:content+attribution');
      }
    }
    // Inverted: "…, said Gao Lirong, Party secretary of …" / "…,” said Vice Premier Zhao."
    for (const v of verbs.speech) {
      if (v.needsThat) continue;
      const inverted = v.inverted.exec(before);
      if (!inverted || !titleOnly(en, inverted[1]) || inverted.index < 10) continue;
      const contentEnd = s.start + inverted.index;
      return said(doc, p, v.verb, { start: contentEnd, end: p.end }, contentSpan(text, s.start, contentEnd), 'en:content+attribution');
    }
  }
  // "…, it said." / "…, the meeting noted." after a meeting's own words: the meeting speaks.
  const itSaid = IT_SAID.exec(text.slice(s.start, s.end));
  if (itSaid && itSaid.index >= 10) {
    const at = s.start + itSaid.index;
    return { speaker: '会议', verb: itSaid[1], span: { start: at, end: s.end }, content: contentSpan(text, s.start, at), rule: 'en:content+meeting' };
  }
  // Subject first: a person (or He/She, or "The meeting") followed by the verb, then the content.
  // A subject is one name: "Zhao and Xu stressed" gives the words to neither.
  const subjects: { start: number; end: number; person?: PersonMention }[] = [];
  for (let i = 0; i < inSentence.length; i++) {
    const g = group(doc, en, i, inSentence, s.end);
    if (g.members.length === 1) subjects.push({ start: inSentence[i].start, end: g.end, person: inSentence[i] });
    i += g.members.length - 1;
  }
  const meeting = MEETING_SUBJECT.exec(text.slice(s.start, s.end));
  if (meeting) subjects.push({ start: s.start, end: afterChairedBy(doc, en, s.start + meeting[0].length, s.end) });
  subjects.sort((a, b) => a.start - b.start);
  for (const subj of subjects) {
    const rest = text.slice(subj.end, s.end);
    for (const { verb: v, afterSubject } of verbs.speech) {
      const m = afterSubject.exec(rest);
      if (!m) continue;
      const contentStart = subj.end + m[0].length;
      if (contentStart >= s.end - 2) continue;
      const content = contentSpan(text, contentStart, s.end);
      if (subj.person) return said(doc, subj.person, v, { start: subj.start, end: contentStart }, content, 'en:subject+verb');
      return { speaker: '会议', verb: v.form, span: { start: subj.start, end: contentStart }, content, rule: 'en:meeting+verb' };
    }
  }
  // A participle after the main clause of a named subject: "Zhao visited …, urging officials to …".
  const subject = inSentence[0];
  if (subject && subjects.some((x) => x.person === subject)) {
    for (const { verb: v, participle } of verbs.speech) {
      if (!participle) continue;
      const m = participle.exec(text.slice(subject.end, s.end));
      if (!m) continue;
      const contentStart = subject.end + m.index + m[0].length;
      if (contentStart >= s.end - 2) continue;
      return said(doc, subject, v, { start: subject.end + m.index + m[0].indexOf(v.form), end: contentStart }, contentSpan(text, contentStart, s.end), 'en:participle');
    }
  }
  return undefined;
}

/** After "The State Council executive meeting": skip ", chaired by Premier Li Qiang," to the verb. */
function afterChairedBy(doc: Doc, en: EnglishLexicon, from: number, limit: number): number {
  const m = /^,\s+(?:which was\s+)?(?:chaired|presided over|held|convened)\b[^,;]*,/.exec(doc.text.slice(from, limit));
  return m ? from + m[0].length : afterAppositive(doc, en, from, limit);
}
