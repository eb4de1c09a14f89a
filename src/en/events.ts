// English events: meetings and inspections ("at a teleconference of …", "during an inspection in …"), their
// roles, and one directive per sentence of reported speech:
//   Sun Chunlan has stressed <content>      — subject, (has/also …), verb, content
//   <content>, Zhang said(, calling for …)  — content first, attribution after it
//   The meeting urged <content>             — speaker 会议, as in the Chinese tables
// "the trip", "the meeting" (definite, with nothing after) are the event already named, not a new one.
import type { DateMention, Directive, Doc, Meeting, PersonMention, RoleKind, Span } from '../doc.ts';
import type { Lexicon } from '../dictionaries/compile.ts';
import { similar } from '../link/events.ts';
import { escape } from './tag.ts';
import { english, type EnglishVerb } from './teach.ts';

const EVENT = /\b(?:an?|the)\s+((?:[\w-]+\s){0,3}?(teleconference|video conference|videoconference|conference|meeting|symposium|session|forum|seminar|inspection tour|inspection|fact-finding trip|trip|tour|visit))\b((?:\s(?:of|on|in|to|at|for|with|about|against)\b[^,.;:]*)?)/gi;
const INSPECTION = /^(?:inspection tour|inspection|fact-finding trip|trip|tour|visit)$/i;
const AUX = '(?:\\s+(?:has|have|had|also|further|again|then|repeatedly|once again))*';

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
    for (const m of sentence.matchAll(EVENT)) {
      const noun = m[2];
      const definite = /^the\s/i.test(m[0]);
      const phrase = (m[1] + m[3]).trim();
      const start = s.start + m.index! + m[0].indexOf(m[1]);
      const end = start + phrase.length;
      const kind = INSPECTION.test(noun) ? 'inspection' : 'meeting';
      const date = sentenceDates[0];
      // "the trip" alone, or "the three-day trip": the event already reported.
      const same = meetings.find((x) => x.kind === kind && (similar(x.name, phrase) || (definite && !m[3].trim())));
      if (same) {
        if (!same.date && date?.date) Object.assign(same, { date: date.date, ...(date.endDate ? { endDate: date.endDate } : {}), dateText: text.slice(date.start, date.end) });
        current = same;
        continue;
      }
      if (definite && !m[3].trim()) continue;
      const venue = kind === 'meeting' ? places.find((p) => p.start >= start && p.end <= end && /\bin\s+$/.test(text.slice(Math.max(start, p.start - 4), p.start))) : undefined;
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

    // Roles: "X presided over", "X attended", "X made the remarks at …".
    for (const p of people.filter((x) => x.start >= s.start && x.end <= s.end)) {
      const rest = text.slice(p.end, s.end);
      for (const v of en.verbs) {
        if (v.role !== 'chair' && v.role !== 'attend' && v.role !== 'speak') continue;
        if (!new RegExp(`^${AUX}\\s+${escape(v.form)}\\b`).test(rest)) continue;
        const role: RoleKind = v.role === 'chair' ? 'chair' : v.role === 'attend' ? 'attendee' : 'speaker';
        if (current) addRole(current, p.personId, role, p, `en:role:${v.form}`);
        break;
      }
    }

    const a = attribution(doc, en.verbs, s, people);
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

interface EnglishAttribution {
  speaker: string;
  personId?: number;
  verb: string;
  span: Span;
  content: Span;
  rule: string;
}

function attribution(doc: Doc, verbs: EnglishVerb[], s: Span, people: PersonMention[]): EnglishAttribution | undefined {
  const text = doc.text;
  const speech = verbs.filter((v) => v.role === 'speech');
  const inSentence = people.filter((p) => p.start >= s.start && p.end <= s.end);
  // Content first: "…, Zhang said, calling for …" / "…, Sun said."
  for (const p of inSentence) {
    const before = text.slice(s.start, p.start);
    if (!/,\s*$/.test(before) || before.trim().length < 10) continue;
    const rest = text.slice(p.end, s.end);
    // The verb closes the clause (said, / said.): otherwise the content follows it (…, Zhang urged X).
    const v = speech.find((x) => new RegExp(`^${AUX}\\s+${escape(x.form)}(?=\\s*[,.;]|\\s*$)`).test(rest));
    if (!v) continue;
    const verbEnd = p.end + rest.indexOf(v.form) + v.form.length;
    return { speaker: doc.people[p.personId].name, personId: p.personId, verb: v.form, span: { start: p.start, end: verbEnd }, content: { start: s.start, end: s.start + before.replace(/,\s*$/, '').length }, rule: 'en:content+attribution' };
  }
  // Subject first: a person (or He/She, or "The meeting") followed by the verb, then the content.
  const subjects: { start: number; end: number; personId?: number }[] = [...inSentence];
  const meeting = /\b(?:the|The) (?:meeting|conference|session|teleconference)\b/.exec(text.slice(s.start, s.end));
  if (meeting) subjects.push({ start: s.start + meeting.index, end: s.start + meeting.index + meeting[0].length });
  subjects.sort((a, b) => a.start - b.start);
  for (const subj of subjects) {
    const rest = text.slice(subj.end, s.end);
    for (const v of speech) {
      const m = new RegExp(`^${AUX}\\s+${escape(v.form)}\\s+(?:that\\s+)?`).exec(rest);
      if (!m) continue;
      const contentStart = subj.end + m[0].length;
      if (contentStart >= s.end - 2) continue;
      const personId = 'personId' in subj ? subj.personId : undefined;
      return {
        speaker: personId !== undefined ? doc.people[personId].name : '会议',
        ...(personId !== undefined ? { personId } : {}),
        verb: v.form,
        span: { start: subj.start, end: contentStart },
        content: { start: contentStart, end: s.end },
        rule: personId !== undefined ? 'en:subject+verb' : 'en:meeting+verb',
      };
    }
  }
  return undefined;
}
