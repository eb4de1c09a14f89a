// Who said it: the attribution that opens reported speech — 刘国中强调, | 他强调 | 会议认为 | 通知要求 |
// 赵一德在肯定…成效后指出 | 曹路宝强调要… — found at the start of a sentence or of one of its clauses
// (按照…原则，会议确定，一是…), with the span where its content begins.
import type { Doc, PersonMention, Span } from '../doc.ts';
import type { Lexicon, VerbEntry } from '../dictionaries/compile.ts';
import type { Local } from './events.ts';
import { charCodes, skipOpeners } from '../text/lines.ts';

export type Subject = { kind: 'person'; personId: number; name: string } | { kind: 'meeting' } | { kind: 'org'; text: string };

export interface Attribution {
  subject: Subject;
  verb: string;
  /** From the subject to the punctuation after the verb: `刘国中强调,`. */
  span: Span;
  /** Where the reported content starts. */
  contentStart: number;
  rule: string;
}

/** Between a subject and its verb: 在调研中, 在肯定…成效后, 讲话中, 还, 也, 进一步 … */
const MODIFIERS = /^(?:(?:发布|发出)了?(?:相关|重要|紧急)?|在[^，。；,;：:“”]{1,30}?(?:中|后|时|上|期间|之际|前|之后)|讲话中|调研中|会上|会议上|最后|首先|同时|还|也|又|则|再次|进一步|特别|明确|均|都|同样|随后|接着|对此|就此|专门|一再|多次|深刻|着重|一致|充分|普遍|纷纷|在讲话中)*/;
const MEETING_SUBJECT = /^(?:会议|会上|全会|会议上|常务会议|本次会议)(?=[^，,；;]{0,8}?(?:认为|强调|指出|要求|确定|提出|明确|部署|号召|决定|表示))/;
const ORG_SUBJECT = /^[\u4e00-\u9fff0-9《》“”、]{2,24}?(?=(?:均|同样|也|还|都|则|再次|进一步|特别|明确|同时|普遍|一致|纷纷)?(?:(?:发布|发出)了?(?:相关|重要|紧急)?)?(?:要求|强调|指出|提醒|部署|明确|提出|认为|表示)[，,：:]|(?:均|同样|也|还|都)?(?:要求|强调|指出)要)/;
const ORG_VERB_HINT = /要求|强调|指出|提醒|部署|明确|提出|认为|表示/;
const CLAUSE_SEP = charCodes('，,；;');
const NOT_ORG = /^(?:我们|大家|他们|她们|这|那|其|各级各部门要|要|并|但|而|以|对|在|从|按照|根据|通过|落实|贯彻|加强|做好|严格|坚持|推动|认真)/;
/** A clause, not an organisation: a modal or 的 inside (学校要严格落实…要求, 落实…的部署要求). */
const CLAUSE_INSIDE = /[要应须的]/;
const NO_COMMA_STOP = /^(?:的|了|精神|和|与|等|者|中|下)/;
const SENTENCE_END = /^[\s\u3000]*[。！？!?]?[\s\u3000]*$/;
const TRAILING_ADVERB = /(?:均|同样|也|还|都|则|再次|进一步|特别|明确|同时|普遍|一致|纷纷)$/;

export function findAttribution(doc: Doc, lex: Lexicon, sentence: Span, local: Local): Attribution | undefined {
  const text = doc.text;
  // Candidate clause starts: the sentence start and every position after a comma or semicolon.
  const starts = [sentence.start];
  for (let i = sentence.start; i < sentence.end; i++) if (CLAUSE_SEP.has(text.charCodeAt(i))) starts.push(i + 1);
  for (const at of starts) {
    const a = attributionAt(doc, lex, at, sentence.end, local);
    if (a) return a;
  }
  return undefined;
}

function attributionAt(doc: Doc, lex: Lexicon, at: number, end: number, local: Local): Attribution | undefined {
  const people = local.people;
  const text = doc.text;
  let pos = skipOpeners(text, at, end);
  let subject: Subject | undefined;
  let rule = '';
  // A person: the last person mention of a title stack or name list starting here (省委书记刘国中, 他).
  const found = personSubject(doc, pos, end, local);
  if (found) {
    const { person } = found;
    subject = { kind: 'person', personId: person.personId, name: person.normalized };
    pos = found.end;
    rule = person.rule === 'coref:pronoun' ? 'attribution:pronoun' : 'attribution:person';
  } else if (MEETING_SUBJECT.test(text.slice(pos, pos + 16))) {
    const m = /^(?:会议上|会议|会上|全会|常务会议|本次会议)/.exec(text.slice(pos))!;
    subject = { kind: 'meeting' };
    pos += m[0].length;
    rule = 'attribution:meeting';
  } else {
    const window = text.slice(pos, Math.min(end, pos + 32));
    const m = ORG_VERB_HINT.test(window) ? ORG_SUBJECT.exec(window) : null;
    if (m && !NOT_ORG.test(m[0]) && !CLAUSE_INSIDE.test(m[0]) && !people.some((p) => p.start >= pos && p.start < pos + m[0].length)) {
      const subjectText = m[0].replace(TRAILING_ADVERB, '');
      if (subjectText.length < 2) return undefined;
      subject = { kind: 'org', text: subjectText };
      pos += m[0].length;
      rule = 'attribution:organisation';
    }
  }
  if (!subject) return undefined;
  const mod = MODIFIERS.exec(text.slice(pos, Math.min(end, pos + 40)));
  if (mod) pos += mod[0].length;
  const verb = speechVerbAt(lex, text, pos, end);
  if (!verb) return undefined;
  let verbEnd = pos + verb.verb.length;
  // 强调指出: two verbs in a row; the content follows the second.
  const second = speechVerbAt(lex, text, verbEnd, end);
  if (second) verbEnd += second.verb.length;
  const punct = /^[\s\u3000]*[，,：:][\s\u3000]*/.exec(text.slice(verbEnd, verbEnd + 4));
  // "…。”滕宏远说。": the verb closes the sentence; what was said is the quotation before it.
  if (subject.kind === 'person' && SENTENCE_END.test(text.slice(verbEnd, end))) {
    return { subject, verb: verb.verb, span: { start: at, end }, contentStart: end, rule: `${rule}+${verb.verb}` };
  }
  let contentStart: number;
  if (punct) contentStart = verbEnd + punct[0].length;
  else if (text[verbEnd] === '要') contentStart = verbEnd;
  else if (subject.kind === 'person' && verb.verb !== '指示' && verb.verb !== '批示' && !NO_COMMA_STOP.test(text.slice(verbEnd, verbEnd + 2)) && doc.boundaries?.isBoundary(verbEnd) !== false) contentStart = verbEnd;
  else return undefined;
  if (contentStart >= end - 1) return undefined;
  return { subject, verb: verb.verb, span: { start: at, end: contentStart }, contentStart, rule: `${rule}+${verb.verb}` };
}

function speechVerbAt(lex: Lexicon, text: string, pos: number, end: number): VerbEntry | undefined {
  const m = lex.verbs.longestAt(text, pos, end);
  return m?.values.find((v) => v.role === 'speech');
}

/** The person a clause opens with, past titles and a list of names (副省长方光华、徐大彤), and where it ends. */
function personSubject(doc: Doc, pos: number, end: number, local: Local): { person: PersonMention; end: number } | undefined {
  const { people, titles } = local;
  const text = doc.text;
  let cur = pos;
  let found: { person: PersonMention; end: number } | undefined;
  for (let guard = 0; guard < 8 && cur < end; guard++) {
    const p = people.find((m) => m.start === cur);
    if (p) {
      cur = p.end;
      // A title after the name: 习近平总书记强调, 孙春兰副总理指出.
      const after = titles.find((m) => m.start === cur);
      if (after) cur = after.end;
      found = { person: p, end: cur };
      if (text[cur] === '、') {
        cur++;
        continue;
      }
      break;
    }
    // Skip a title before the name: titles are mentions too.
    const t = titles.find((m) => m.start === cur);
    if (t) {
      cur = t.end;
      if (text[cur] === '、') cur++;
      continue;
    }
    break;
  }
  return found;
}
