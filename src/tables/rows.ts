// A processed article → its rows in every table (plain objects: they cross from worker threads to the writer).
import type { Doc, Meeting, Person } from '../doc.ts';
import { TABLE_NAMES, type Row, type TableRows } from './columns.ts';

const JOIN = '; ';

export function emptyRows(): TableRows {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
}

export function articleRow(doc: Pick<Doc, 'id' | 'input'> & Partial<Doc>, status: 'ok' | 'failed', error = ''): Row {
  const m = doc.meta;
  return {
    article_id: doc.id,
    input: doc.input,
    title: m?.title?.value ?? '',
    published_at: m?.publishedAt?.value ?? '',
    source: m?.source?.value ?? '',
    editor: m?.editor?.value ?? '',
    reporters: (m?.reporters ?? []).map((r) => r.value).join(JOIN),
    language: doc.language ?? '',
    // The length of texts/<article_id>.txt: failed articles have none.
    chars: status === 'ok' ? (doc.text?.length ?? '') : '',
    status,
    error,
  };
}

export function docRows(doc: Doc): TableRows {
  const rows = emptyRows();
  const id = doc.id;
  rows.articles.push(articleRow(doc, 'ok'));

  for (const p of doc.people) {
    const count = p.mentions.length;
    const first = p.mentions.reduce((a, b) => (b.start < a.start ? b : a), p.mentions[0] ?? { start: 0, end: 0 });
    const offices = p.offices.length ? p.offices : [undefined];
    for (const o of offices) {
      rows.officials.push({
        article_id: id,
        name: p.name,
        title: o?.title ?? '',
        jurisdiction: o?.jurisdiction ?? '',
        origin: p.origin,
        canonical: p.canonical ?? '',
        name_en: p.nameEn ?? '',
        mentions: count,
        start: o?.start ?? first.start,
        end: o?.end ?? first.end,
        rule: o?.rule ?? (p.entry ? `dict:${p.entry}` : 'rule:name'),
      });
    }
  }

  // One row per place, in order of first mention, counting its mentions.
  const places = new Map<string, Row & { mentions: number }>();
  for (const m of doc.mentions) {
    if (m.type !== 'place') continue;
    const key = m.code || `${m.normalized}|${m.parent}`;
    const seen = places.get(key);
    if (seen) seen.mentions++;
    else places.set(key, { article_id: id, place: m.normalized, code: m.code, level: m.level, parent: m.parent, mentions: 1, start: m.start, end: m.end, rule: m.rule });
  }
  rows.places.push(...places.values());

  const names = (m: Meeting, role: string) => [...new Set(m.roles.filter((r) => r.role === role).map((r) => doc.people[r.personId].name))].join(JOIN);
  for (const m of doc.meetings) {
    rows.meetings.push({
      meeting_id: m.id,
      article_id: id,
      kind: m.kind,
      name: m.name,
      date: m.date ?? '',
      end_date: m.endDate ?? '',
      time_of_day: m.timeOfDay ?? '',
      date_text: m.dateText ?? '',
      venue: m.venue ?? '',
      chair: names(m, 'chair'),
      speakers: names(m, 'speaker'),
      attendees: names(m, 'attendee'),
      start: m.start,
      end: m.end,
      rule: m.rule,
    });
    for (const r of m.roles) {
      const p = doc.people[r.personId];
      rows.participants.push({
        meeting_id: m.id,
        article_id: id,
        name: p.name,
        title: p.offices[0]?.title ?? '',
        jurisdiction: p.offices[0]?.jurisdiction ?? '',
        role: r.role,
        start: r.start,
        end: r.end,
        rule: r.rule,
      });
    }
  }

  const meetingById = new Map(doc.meetings.map((m) => [m.id, m]));
  for (const d of doc.directives) {
    const m = d.meetingId ? meetingById.get(d.meetingId) : undefined;
    const person: Person | undefined = d.personId !== undefined ? doc.people[d.personId] : undefined;
    rows.events.push({
      event_id: d.id,
      meeting_id: d.meetingId ?? '',
      article_id: id,
      date: m?.date ?? '',
      meeting: m?.name ?? '',
      speaker: d.speaker,
      speaker_title: person?.offices[0]?.title ?? '',
      verb: d.verb,
      directive: doc.text.slice(d.start, d.end),
      start: d.start,
      end: d.end,
      rule: d.rule,
    });
  }

  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
  for (const m of mentions) {
    rows.mentions.push({ article_id: id, type: m.type, text: doc.text.slice(m.start, m.end), normalized: m.normalized, start: m.start, end: m.end, rule: m.rule });
  }
  return rows;
}
