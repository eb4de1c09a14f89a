// What the English tests compare: an article's rows, reduced to the fields a reader checks.
import type { Doc } from '../../src/doc.ts';
import { analyze, rowsOf, type ArticleOptions } from '../helpers.ts';

export interface Official {
  name: string;
  title: string;
  jurisdiction: string;
  origin: string;
}

export interface MeetingRow {
  kind: string;
  name: string;
  date: string;
  end_date: string;
  venue: string;
  chair: string[];
  speakers: string[];
  attendees: string[];
}

export interface DirectiveRow {
  speaker: string;
  verb: string;
  text: string;
}

export function en(text: string, opts: ArticleOptions = {}): Doc {
  const doc = analyze(text, opts);
  if (doc.language !== 'en') throw new Error(`not read as English: ${text.slice(0, 60)}`);
  return doc;
}

const list = (v: unknown) => String(v ?? '').split('; ').filter(Boolean).sort();

export function officials(doc: Doc): Official[] {
  return rowsOf(doc).officials.map((r) => ({ name: String(r.name), title: String(r.title), jurisdiction: String(r.jurisdiction), origin: String(r.origin) }));
}

export function places(doc: Doc): string[] {
  return rowsOf(doc).places.map((r) => String(r.place)).sort();
}

export function meetings(doc: Doc): MeetingRow[] {
  return rowsOf(doc).meetings.map((r) => ({
    kind: String(r.kind),
    name: String(r.name),
    date: String(r.date),
    end_date: String(r.end_date),
    venue: String(r.venue),
    chair: list(r.chair),
    speakers: list(r.speakers),
    attendees: list(r.attendees),
  }));
}

export function directives(doc: Doc): DirectiveRow[] {
  return rowsOf(doc).events.map((r) => ({ speaker: String(r.speaker), verb: String(r.verb), text: String(r.directive) }));
}
