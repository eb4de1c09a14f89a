// The English path: the same tables from English articles (Xinhua, China Daily …), with compromise.
import type { Stage } from '../pipeline.ts';
import { linkEnglishEvents } from './events.ts';
import { readDateline, tagEnglishDates, tagEnglishPeople, tagEnglishPlaces } from './tag.ts';

export const englishStages: Omit<Stage, 'when'>[] = [
  // en: places (English dictionary names, "X Province", the dateline city); the dateline date becomes the
  // reference date (it is the day of the events; the page date may be the next day).
  {
    name: 'en:places',
    requires: ['paragraphs', 'mentions', 'referenceDate'],
    assigns: ['mentions', 'referenceDate'],
    run(doc, ctx) {
      readDateline(doc, ctx.lex);
      tagEnglishPlaces(doc, ctx.lex);
    },
  },
  // en: dates with compromise-dates, preferring the past.
  { name: 'en:dates', requires: ['paragraphs', 'referenceDate'], assigns: ['mentions'], run: (doc, ctx) => tagEnglishDates(doc, ctx.lex) },
  // en: officials — "Vice Premier Sun Chunlan", "Sun Chunlan, also a member of …", later "Sun", "She".
  { name: 'en:officials', requires: ['paragraphs', 'sentences', 'mentions'], assigns: ['people', 'mentions'], run: (doc, ctx) => tagEnglishPeople(doc, ctx.lex) },
  // en: meetings, roles and directives.
  { name: 'en:events', requires: ['sentences', 'people', 'mentions'], assigns: ['meetings', 'directives', 'mentions'], run: (doc, ctx) => linkEnglishEvents(doc, ctx.lex) },
];
