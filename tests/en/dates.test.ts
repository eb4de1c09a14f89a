// English dates, as the meeting they date: resolved against the publication date (or the dateline),
// preferring the past; spans as date + end_date.
import { describe, expect, it } from 'vitest';
import { en, meetings } from './en.ts';

// 2022-01-19 is a Wednesday.
const WEDNESDAY = '2022-01-19';

const dated = (when: string, opts: { published_at?: string } = { published_at: WEDNESDAY }, dateline = '') =>
  meetings(en(`${dateline}Vice Premier Zhao Mingyuan chaired a meeting on grain security ${when}.`, opts))[0];

describe('a date, resolved', () => {
  it.each([
    ['on Friday', '2022-01-14', '', 'a weekday: the past one, not the coming one'],
    ['on Monday', '2022-01-17', '', 'a weekday earlier this week'],
    ['on Wednesday', '2022-01-19', '', 'the weekday of publication: that day'],
    ['on Thursday', '2022-01-13', '', 'the day after publication: last week'],
    ['on Jan. 17', '2022-01-17', '', 'month and day'],
    ['on January 17', '2022-01-17', '', 'month written out'],
    ['on Dec. 30', '2021-12-30', '', 'a month-day after publication: last year'],
    ['on Jan. 17, 2021', '2021-01-17', '', 'with its year'],
    ['on the 17th of January', '2022-01-17', '', 'an ordinal form (compromise-dates)'],
    ['on the 17th', '2022-01-17', '', 'a day of this month (compromise-dates), in the past'],
    ['on Monday and Tuesday', '2022-01-17', '2022-01-18', 'two weekdays: a span'],
    ['from Monday to Wednesday', '2022-01-17', '2022-01-19', 'from … to …: a span'],
    ['on Jan. 17-18', '2022-01-17', '2022-01-18', 'month-day span'],
    ['from Dec. 30 to Jan. 2', '2021-12-30', '2022-01-02', 'a span over the new year'],
  ])('%s → %s %s (%s)', (when, date, end) => {
    const m = dated(when);
    expect([m.date, m.end_date]).toEqual([date, end]);
  });

  it('lets a sentence about what is to come take the weekday just ahead', () => {
    const doc = en('Vice Premier Zhao Mingyuan will chair a meeting on grain security on Thursday.', { published_at: WEDNESDAY });
    expect(meetings(doc)[0].date).toBe('2022-01-20');
  });

  it('dates an inspection by "the three-day trip ending Tuesday"', () => {
    const doc = en('Vice Premier Zhao Mingyuan called for safer mines during an inspection in Shanxi Province. During the three-day trip ending Tuesday, Zhao visited coal mines.', { published_at: WEDNESDAY });
    expect(meetings(doc).map((m) => [m.kind, m.date, m.end_date])).toEqual([['inspection', '2022-01-16', '2022-01-18']]);
  });

  it('leaves a meeting without any date undated', () => {
    expect(dated('in Beijing').date).toBe('');
  });
});

describe('the dateline as the reference', () => {
  it('prefers the dateline day to a later publication date', () => {
    // Filed on Wednesday Jan. 19, published Thursday: "on Thursday" is the Thursday before the dateline.
    const m = dated('on Thursday', { published_at: '2022-01-20' }, 'BEIJING, Jan. 19 (Xinhua) -- ');
    expect(m.date).toBe('2022-01-13');
  });

  it('is the reference when there is no publication date and the dateline gives its year', () => {
    const doc = en('BEIJING, Jan. 19, 2022 (Xinhua) -- Vice Premier Zhao Mingyuan chaired a meeting on grain security on Monday.');
    expect(doc.referenceDate).toEqual({ date: '2022-01-19', rule: 'dateline' });
    expect(meetings(doc)[0].date).toBe('2022-01-17');
  });

  it('is the reference for "on Jan. 17" in a dateline article without publication date', () => {
    expect(dated('on Jan. 17', {}, 'BEIJING, Jan. 19, 2022 (Xinhua) -- ').date).toBe('2022-01-17');
  });

  it('cannot give a year when neither the dateline nor a publication date has one', () => {
    // "BEIJING, Jan. 19 (Xinhua) --" alone: the year cannot be known, so no date is made up.
    const doc = en('BEIJING, Jan. 19 (Xinhua) -- Vice Premier Zhao Mingyuan chaired a meeting on grain security on Monday.');
    expect(doc.referenceDate).toBeUndefined();
    expect(meetings(doc)[0]).toMatchObject({ name: 'meeting on grain security', date: '' });
  });

  it('does not date the meeting by the dateline itself', () => {
    const m = dated('in Beijing', { published_at: WEDNESDAY }, 'BEIJING, Jan. 19 (Xinhua) -- ');
    expect(m.date).toBe('');
  });
});
