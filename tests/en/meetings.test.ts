// English meetings and inspections: kind and name as written (without where and when), venue, and the roles
// of the people at them — chair, speakers, attendees.
import { describe, expect, it } from 'vitest';
import { en, meetings, officials } from './en.ts';

const PUBLISHED = { published_at: '2022-01-19' };
const one = (text: string) => {
  const ms = meetings(en(text, PUBLISHED));
  expect(ms).toHaveLength(1);
  return ms[0];
};

describe('a meeting or inspection: kind, name, venue', () => {
  it.each([
    ['Gao Lirong, Party secretary of Hunan Province, presided over a meeting on flood prevention in Changsha on Tuesday.', 'meeting', 'meeting on flood prevention', 'Changsha'],
    ['Premier Feng Zhiyuan chaired a State Council executive meeting on Wednesday.', 'meeting', 'State Council executive meeting', ''],
    ['Vice Premier Zhao Mingyuan addressed a national video conference on spring farming on Monday.', 'meeting', 'national video conference on spring farming', ''],
    ['Premier Feng Zhiyuan presided over a symposium with economists in Beijing on Monday.', 'meeting', 'symposium with economists', 'Beijing'],
    ['A two-day provincial conference on rural revitalization was held in Harbin on Monday and Tuesday.', 'meeting', 'two-day provincial conference on rural revitalization', 'Harbin'],
    ["Vice Premier Zhao Mingyuan called for safer mines during an inspection in north China's Shanxi Province.", 'inspection', "inspection in north China's Shanxi Province", ''],
    ['Mayor Qian Haitao made an inspection tour of several districts on Monday.', 'inspection', 'inspection tour of several districts', ''],
    ['Vice Premier Zhao Mingyuan made the remarks during a visit to Zhengzhou on Monday.', 'inspection', 'visit to Zhengzhou', ''],
    ['Vice Premier Zhao Mingyuan made the remarks while inspecting Henan Province on Monday.', 'inspection', 'inspecting Henan Province', ''],
    ['Party Secretary Gao Lirong on Wednesday inspected flood-hit areas in Changsha, urging officials to keep residents safe.', 'inspection', 'inspected flood-hit areas in Changsha', ''],
  ])('%s', (text, kind, name, venue) => {
    expect(one(text)).toMatchObject({ kind, name, venue });
  });

  it('takes "the trip" and "the meeting" for the event already named', () => {
    const doc = en(
      'Vice Premier Zhao Mingyuan called for safer mines during an inspection in Shanxi Province. During the three-day trip ending Tuesday, Zhao visited coal mines. He chaired a meeting on mine safety in Taiyuan. The meeting urged mine owners to stop unsafe work.',
      PUBLISHED,
    );
    expect(meetings(doc).map((m) => [m.kind, m.name])).toEqual([
      ['inspection', 'inspection in Shanxi Province'],
      ['meeting', 'meeting on mine safety'],
    ]);
  });

  it('takes "The meeting" for a meeting when the article names none before', () => {
    expect(one('The meeting, presided over by Gao Lirong, stressed that prices must be kept stable.')).toMatchObject({ kind: 'meeting', chair: ['Gao Lirong'] });
  });

  it.each([
    ['Zhao Mingyuan held talks with farmers in the afternoon.'],
    ['Wheat prices rose slightly in December, Zhao Mingyuan said.'],
  ])('no meeting: %s', (text) => {
    expect(meetings(en(text, PUBLISHED))).toEqual([]);
  });
});

describe('who was there: chair, speakers, attendees', () => {
  const MEETING = 'Vice Premier Zhao Mingyuan chaired a meeting on grain security in Zhengzhou on Monday.';
  it.each([
    ['Gao Lirong, Party secretary of Hunan Province, presided over a meeting on Tuesday.', ['Gao Lirong'], [], []],
    ['The State Council executive meeting, chaired by Premier Feng Zhiyuan, was held on Wednesday.', ['Feng Zhiyuan'], [], []],
    ['The State Council executive meeting was presided over by Premier Feng Zhiyuan on Wednesday.', ['Feng Zhiyuan'], [], []],
    [`${MEETING} Governor Xu Wenbo and Vice Governor Li Jinhua attended the meeting.`, ['Zhao Mingyuan'], [], ['Li Jinhua', 'Xu Wenbo']],
    [`${MEETING} The meeting was attended by Governor Xu Wenbo, Vice Governor Li Jinhua and Mayor Qian Haitao.`, ['Zhao Mingyuan'], [], ['Li Jinhua', 'Qian Haitao', 'Xu Wenbo']],
    ['Vice Premier Zhao Mingyuan, accompanied by Governor Xu Wenbo, made an inspection tour of Henan on Monday.', [], [], ['Xu Wenbo']],
    ['Vice Premier Zhao Mingyuan, who chaired the meeting on grain security, said prices must stay stable.', ['Zhao Mingyuan'], ['Zhao Mingyuan'], []],
    ['Vice Premier Zhao Mingyuan addressed a meeting on grain security on Monday.', [], ['Zhao Mingyuan'], []],
    [`${MEETING} Governor Xu Wenbo delivered a speech at the meeting.`, ['Zhao Mingyuan'], ['Xu Wenbo'], []],
    ['Vice Premier Zhao Mingyuan made the remarks at a meeting on grain security on Monday.', [], ['Zhao Mingyuan'], []],
    [`${MEETING} Zhou Baoshan attended the meeting.`, ['Zhao Mingyuan'], [], ['Zhou Baoshan']],
    // One who also speaks is a speaker, not an attendee.
    [`${MEETING} Governor Xu Wenbo attended the meeting. Xu said Henan would plant more wheat.`, ['Zhao Mingyuan'], ['Xu Wenbo'], []],
  ])('%s', (text, chair, speakers, attendees) => {
    expect(one(text)).toMatchObject({ chair, speakers, attendees });
  });

  it('counts a name with no office that presides or attends as an official', () => {
    const doc = en('The meeting was chaired by Gao Lirong. Zhou Baoshan attended the meeting.', PUBLISHED);
    expect(officials(doc).map((o) => [o.name, o.title])).toEqual([
      ['Gao Lirong', ''],
      ['Zhou Baoshan', ''],
    ]);
  });
});
