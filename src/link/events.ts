// Link the tags into events, reading the article sentence by sentence as a person would:
// - a sentence that introduces a meeting opens it; role clauses give it its chair, speakers, attendees;
// - an attribution (刘国中强调,) starts reported speech: one directive row per sentence, by that speaker,
//   linked to the meeting being reported; a later sentence or paragraph without a new attribution goes on
//   with the same speaker, until a narrative sentence (a date, a meeting, a role, a new subject) ends it;
// - a quotation right before "X说," belongs to X; a leader quoted inside someone's speech (习近平总书记强调)
//   speaks that sentence and the next ones, but is no speaker of the meeting, and "我们…" returns the
//   paragraph to its own speaker;
// - a meeting mentioned inside reported speech (…习近平总书记主持中央政治局常委会会议…) is recorded with its
//   own roles but does not become the meeting the article reports on.
import type { DateMention, Directive, Doc, Meeting, PersonMention, PlaceMention, RoleKind, Sentence, Span, TitleMention } from '../doc.ts';
import type { Lexicon } from '../dictionaries/compile.ts';
import { findAttribution, type Attribution } from './attribution.ts';
import { findMeetings, findRoles, type FoundMeeting, type RoleClaim } from './meetings.ts';
import { skipOpeners, skipSpaces } from '../text/lines.ts';

interface Speaker {
  name: string;
  personId?: number;
  verb: string;
  attribution: Span;
  paragraph: number;
  embedded: boolean;
  rule: string;
}

interface SentenceInfo {
  s: Sentence;
  title: boolean;
  attribution?: Attribution;
  found: FoundMeeting[];
  roles: RoleClaim[];
  narrative: boolean;
  local: Local;
}

const MEETING_CLAUSE = /(?:^|[，,；;])(?:会议|会上|全会|会议还|会上还)[，,]?(?!认为|强调|指出|要求|确定|提出|明确|部署|号召|表示)/;
const BRACKETED = /^[（(][^（()）]*[）)]$/;
/** （详情请点击链接： — an aside cut off at the end of a line. */
const UNCLOSED_ASIDE = /^[（(][^（()）]*$/;
const OWN_SPEECH = /[，,](?:并|还|也|均|都|一致|纷纷)?(?:表示|强调|指出|认为|说)[，,：:]/;
const FIRST_PERSON = /^(?:我们|我)/;

/** The mentions inside one sentence, by type (computed once per article, so no stage scans them all). */
export interface Local {
  people: PersonMention[];
  present: PersonMention[]; // people who are there, not only invoked
  dates: DateMention[];
  titles: TitleMention[];
  places: PlaceMention[];
}

export function localMentions(doc: Doc): Local[] {
  const sorted = [...doc.mentions].sort((a, b) => a.start - b.start);
  const out: Local[] = [];
  let k = 0;
  for (const s of doc.sentences) {
    const l: Local = { people: [], present: [], dates: [], titles: [], places: [] };
    while (k < sorted.length && sorted[k].start < s.start) k++;
    for (let j = k; j < sorted.length && sorted[j].start < s.end; j++) {
      const m = sorted[j];
      if (m.end > s.end) continue;
      if (m.type === 'person') {
        l.people.push(m);
        if (!m.invoked) l.present.push(m);
      } else if (m.type === 'date') l.dates.push(m);
      else if (m.type === 'title') l.titles.push(m);
      else if (m.type === 'place') l.places.push(m);
    }
    out.push(l);
  }
  return out;
}

export function linkEvents(doc: Doc, lex: Lexicon): void {
  const text = doc.text;
  const dates = doc.mentions.filter((m): m is DateMention => m.type === 'date');
  const nameOf = (id: number) => doc.people[id]?.name ?? '';
  const local = localMentions(doc);

  const infos: SentenceInfo[] = doc.sentences.map((s, i) => {
    const title = doc.paragraphs[s.paragraph].kind === 'title';
    const attribution = title ? undefined : findAttribution(doc, lex, s, local[i]);
    const found = findMeetings(doc, lex, s, local[i]);
    const roles = findRoles(doc, lex, s, local[i].present, attribution ? attribution.span.start : s.end);
    return { s, title, attribution, found, roles, narrative: false, local: local[i] };
  });
  for (const info of infos) info.narrative = isNarrative(doc, info);
  const spoken = new Set<number>();

  const meetings: Meeting[] = [];
  let group: Meeting[] = [];
  let current: Speaker | undefined;
  const primary = new Map<number, Speaker>();
  let lastDirectiveParagraph = -1;

  const addMeeting = (f: FoundMeeting, index: number): Meeting => {
    const d = f.date;
    const same = meetings.find((m) => m.kind === f.kind && similar(m.name, f.name) && (!m.date || !d?.date || m.date === d.date));
    if (same) {
      // The headline names it in short; the body as it was called.
      if (infos[same.sentence]?.title && !infos[index].title) {
        Object.assign(same, { name: f.name, start: f.start, end: f.end, rule: f.rule, sentence: index });
        doc.mentions.push({ type: 'meeting', start: f.start, end: f.end, normalized: f.name, meetingId: same.id, rule: f.rule });
      }
      if (!same.date && d?.date) Object.assign(same, dateFields(doc, d));
      if (!same.dateText && d) Object.assign(same, dateFields(doc, d));
      if (!same.venue && f.venue) same.venue = f.venue;
      return same;
    }
    const m: Meeting = {
      id: `${doc.id}#m${meetings.length + 1}`,
      kind: f.kind,
      name: f.name,
      start: f.start,
      end: f.end,
      roles: [],
      rule: f.rule,
      sentence: index,
      ...(d ? dateFields(doc, d) : {}),
      ...(f.venue ? { venue: f.venue } : {}),
    };
    meetings.push(m);
    doc.mentions.push({ type: 'meeting', start: f.start, end: f.end, normalized: f.name, meetingId: m.id, rule: f.rule });
    return m;
  };
  const addRole = (m: Meeting, personId: number, role: RoleKind, span: Span, rule: string) => {
    if (role === 'chair' && m.kind === 'inspection') return;
    if (!m.roles.some((r) => r.personId === personId && r.role === role)) m.roles.push({ personId, role, start: span.start, end: span.end, rule });
  };
  const emit = (content: Span, sp: Speaker, rule: string, paragraph: number) => {
    const start = skipSpaces(text, content.start, content.end);
    if (content.end - start < 2) return;
    const meeting = group[group.length - 1];
    const d: Directive = {
      id: `${doc.id}#e${doc.directives.length + 1}`,
      start,
      end: content.end,
      speaker: sp.name,
      ...(sp.personId !== undefined ? { personId: sp.personId } : {}),
      verb: sp.verb,
      attribution: sp.attribution,
      rule,
      ...(meeting ? { meetingId: meeting.id } : {}),
    };
    doc.directives.push(d);
    if (!spoken.has(sp.attribution.start)) {
      spoken.add(sp.attribution.start);
      doc.mentions.push({ type: 'speech', start: sp.attribution.start, end: sp.attribution.end, normalized: `${sp.name}:${sp.verb}`, rule: sp.rule });
    }
    lastDirectiveParagraph = paragraph;
    if (sp.personId !== undefined && !sp.embedded && !quotedOnly(sp.personId)) for (const m of group) addRole(m, sp.personId, 'speaker', sp.attribution, `speaker:${sp.verb}`);
  };
  // A leader the article invokes (传达学习习近平总书记重要讲话精神) and who has no role at the meeting is
  // quoted, not speaking there: the sentences are theirs, the meeting's speakers are not.
  const invoked = new Set(doc.mentions.filter((m): m is PersonMention => m.type === 'person' && !!m.invoked).map((m) => m.personId));
  const quotedOnly = (personId: number) => invoked.has(personId) && !group.some((m) => m.roles.some((r) => r.personId === personId && r.role !== 'speaker'));

  infos.forEach((info, index) => {
    const { s, attribution } = info;
    const contentStart = attribution?.contentStart ?? s.end;
    // Meetings: those in the narrative part open the current group; those inside reported speech do not.
    const opened = info.found.filter((f) => f.start < contentStart).map((f) => addMeeting(f, index));
    const reported = info.found.filter((f) => f.start >= contentStart).map((f) => addMeeting(f, index));
    if (opened.length) group = unique(opened);
    const target = opened.length ? unique(opened) : group;
    for (const r of info.roles) for (const m of target) addRole(m, r.personId, r.role, r.span, r.rule);
    if (reported.length) {
      for (const r of findRoles(doc, lex, { start: contentStart, end: s.end }, info.local.present)) for (const m of reported) addRole(m, r.personId, r.role, r.span, r.rule);
    }
    if (info.title) return;

    const newParagraph = index === 0 || infos[index - 1].s.paragraph !== s.paragraph;
    const next = infos[index + 1];
    // A quotation, then "X说,": the quotation is X's.
    if (!attribution && isQuote(text, s) && next && next.s.paragraph === s.paragraph && next.attribution && next.attribution.span.start === skipOpeners(text, next.s.start, next.s.end) && next.attribution.subject.kind === 'person') {
      const a = next.attribution;
      const sp = speakerOf(a, s.paragraph, primary, nameOf);
      emit({ start: skipOpeners(text, s.start, s.end), end: s.end }, sp, 'directive:quote-before-attribution', s.paragraph);
      current = sp;
      return;
    }
    if (attribution) {
      const sp = speakerOf(attribution, s.paragraph, primary, nameOf);
      if (!primary.has(s.paragraph) && (sp.personId === undefined || !quotedOnly(sp.personId))) primary.set(s.paragraph, sp);
      current = sp;
      emit({ start: attribution.contentStart, end: s.end }, sp, `directive:${attribution.rule}`, s.paragraph);
      return;
    }
    // "…印发《通知》，…作出部署安排。" closing a paragraph: the next paragraphs are what it lays down.
    const deployed = !attribution && isLastOfParagraph(infos, index) ? deployment(doc, info) : undefined;
    if (deployed) {
      current = deployed;
      primary.set(s.paragraph, deployed);
      lastDirectiveParagraph = s.paragraph;
      return;
    }
    if (!current) return;
    // (视频编辑：王青涛) — an aside in brackets is no one's words.
    const plain = text.slice(s.start, s.end).trim();
    if (BRACKETED.test(plain) || UNCLOSED_ASIDE.test(plain)) return;
    if (info.narrative) {
      current = undefined;
      return;
    }
    if (newParagraph) {
      // Speech goes on into a new paragraph only straight after the last one, and only if this paragraph
      // does not turn to a new event before its first attribution (…。2月7日，苏州召开…).
      let last = index; // a paragraph's sentences follow one another
      while (last + 1 < infos.length && infos[last + 1].s.paragraph === s.paragraph) last++;
      const rest = infos.slice(index, last + 1);
      const firstAttr = rest.findIndex((x) => x.attribution);
      const upto = firstAttr < 0 ? rest : rest.slice(0, firstAttr);
      // …，表示… in the paragraph's first sentence: someone else speaks here (各国代表团团长转达了…，表示…).
      const ownVerb = OWN_SPEECH.test(text.slice(s.start, s.end));
      // A paragraph that goes on to give the word to someone else opens with the writer's lead-in
      // (制造业是常州的最亮特色…。在…大会上，陈金虎指出), not with the last speaker.
      const next = firstAttr > 0 ? rest[firstAttr].attribution! : undefined;
      const otherSpeaker = !!next && speakerOf(next, s.paragraph, primary, nameOf).name !== current.name;
      if (lastDirectiveParagraph !== s.paragraph - 1 || ownVerb || otherSpeaker || upto.some((x) => x.narrative)) {
        current = undefined;
        return;
      }
      current = { ...current, paragraph: s.paragraph };
    }
    if (current.embedded && FIRST_PERSON.test(text.slice(s.start, s.start + 2))) current = primary.get(s.paragraph) ?? current;
    emit(s, current, 'directive:continuation', s.paragraph);
  });

  // A meeting named only in the headline takes its date from the lede.
  const lede = infos.find((x) => !x.title);
  for (const m of meetings) {
    if (m.date || m.dateText || !infos[m.sentence]?.title || !lede) continue;
    const d = dates.find((x) => x.start >= lede.s.start && x.end <= lede.s.end && x.rule !== 'date:vague');
    if (d) Object.assign(m, dateFields(doc, d));
  }
  // Chair and speakers are not also attendees.
  for (const m of meetings) m.roles = m.roles.filter((r) => r.role !== 'attendee' || !m.roles.some((o) => o.personId === r.personId && o.role !== 'attendee'));
  doc.meetings = meetings;
}

const DEPLOYS = /(?:作出|作了|进行|提出)(?:具体|明确|全面)?(?:部署安排|部署|安排|要求)[。：:]?$/;
const ISSUES = /(?:^|[，,]\s*)([^，,。；]{2,24}?)(?:联合)?(?:印发|发布|下发|发出|出台)(?:了)?/;

function isLastOfParagraph(infos: SentenceInfo[], index: number): boolean {
  return infos[index + 1]?.s.paragraph !== infos[index].s.paragraph;
}

/** The issuer of a document that "makes arrangements" (国务院联防联控机制印发《通知》…作出部署安排), as a speaker. */
function deployment(doc: Doc, info: SentenceInfo): Speaker | undefined {
  const { s } = info;
  const sentence = doc.text.slice(s.start, s.end);
  const verb = DEPLOYS.exec(sentence);
  const issuer = verb && ISSUES.exec(sentence);
  if (!verb || !issuer) return undefined;
  const at = s.start + issuer.index + issuer[0].indexOf(issuer[1]);
  const person = info.local.present.find((p) => p.start >= at && p.end <= at + issuer[1].length);
  const name = person ? person.normalized : issuer[1].replace(/^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚)?/, '');
  return {
    name,
    ...(person ? { personId: person.personId } : {}),
    verb: /要求/.test(verb[0]) ? '要求' : '部署',
    attribution: { start: at, end: at + issuer[1].length },
    paragraph: s.paragraph,
    embedded: false,
    rule: 'deployment',
  };
}

function speakerOf(a: Attribution, paragraph: number, primary: Map<number, Speaker>, nameOf: (id: number) => string): Speaker {
  const name = a.subject.kind === 'person' ? nameOf(a.subject.personId) : a.subject.kind === 'meeting' ? '会议' : a.subject.text;
  const personId = a.subject.kind === 'person' ? a.subject.personId : undefined;
  const first = primary.get(paragraph);
  return { name, personId, verb: a.verb, attribution: a.span, paragraph, embedded: !!first && first.name !== name, rule: a.rule };
}

function isNarrative(doc: Doc, info: SentenceInfo): boolean {
  const { dates, people, titles } = info.local;
  const { s } = info;
  if (info.attribution) return false;
  if (info.found.length || info.roles.length) return true;
  const text = doc.text;
  const sentence = text.slice(s.start, s.end);
  // A calendar date: reported speech rarely carries one, narration does (2月11日晚，南京发布…).
  if (dates.some((d) => d.rule !== 'date:vague' && /\d|[一二三四五六七八九十]/.test(text.slice(d.start, d.end)))) return true;
  // The meeting as the subject of a non-speech verb: 会议通过…, 会上，通报了…, 会议还研究了…
  if (MEETING_CLAUSE.test(sentence)) return true;
  // A person as the subject without a speech verb: 匡健一行先后来到…
  const opener = skipOpeners(text, s.start, s.end);
  if (people.some((p) => p.start === opener && !p.invoked) || titles.some((t) => t.start === opener)) return true;
  // A heading: a short paragraph without a sentence end.
  const p = doc.paragraphs[s.paragraph];
  if (p.start === s.start && p.end === s.end && !/[。！？!?”]$/.test(sentence) && sentence.length < 40) return true;
  return false;
}

function dateFields(doc: Doc, d: DateMention): Pick<Meeting, 'date' | 'endDate' | 'timeOfDay' | 'dateText'> {
  return {
    ...(d.date ? { date: d.date } : {}),
    ...(d.endDate ? { endDate: d.endDate } : {}),
    ...(d.timeOfDay ? { timeOfDay: d.timeOfDay } : {}),
    dateText: doc.text.slice(d.start, d.end),
  };
}

function isQuote(text: string, s: Span): boolean {
  const start = skipOpeners(text, s.start, s.end);
  return text[start] === '“' && /”[。！？]?$/.test(text.slice(s.start, s.end));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Two names of one meeting: one contains the other, or they share most of their character pairs. */
export function similar(a: string, b: string): boolean {
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const pairs = (s: string) => new Set([...s].slice(0, -1).map((c, i) => c + s[i + 1]));
  const A = pairs(a);
  const B = pairs(b);
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  return A.size + B.size > 0 && (2 * both) / (A.size + B.size) >= 0.6;
}
