// Made-up English articles (made-up names) end to end: officials, places, the meeting with its kind, name,
// date, chair, speakers and attendees, and every directive with its speaker and verb.
import { describe, expect, it } from 'vitest';
import { directives, en, meetings, officials, places, type DirectiveRow, type MeetingRow, type Official } from './en.ts';

interface Case {
  name: string;
  text: string;
  opts: { published_at?: string; title?: string };
  officials: Omit<Official, 'origin'>[];
  places: string[];
  meetings: MeetingRow[];
  /** Each directive: speaker, verb and the opening of its text. */
  directives: DirectiveRow[];
}

const CASES: Case[] = [
  {
    name: 'a provincial meeting: chair, attendees, speakers, the meeting itself',
    text: `CHANGSHA, March 15 (Xinhua) -- Gao Lirong, Party secretary of Hunan Province, presided over a meeting on flood prevention in Changsha on Tuesday.

Governor Xu Wenbo and Vice Governor Li Jinhua attended the meeting.

Gao stressed that the province must be fully prepared for the flood season and that no life should be lost.

Reservoirs must be inspected one by one before April, Xu said.

The meeting urged all cities and counties to draw up emergency plans.`,
    opts: { published_at: '2023-03-15', title: 'Hunan prepares for flood season' },
    officials: [
      { name: 'Gao Lirong', title: 'Party secretary', jurisdiction: 'Hunan' },
      { name: 'Xu Wenbo', title: 'Governor', jurisdiction: 'Hunan' },
      { name: 'Li Jinhua', title: 'Vice Governor', jurisdiction: 'Hunan' },
    ],
    places: ['Changsha', 'Hunan'],
    meetings: [
      {
        kind: 'meeting',
        name: 'meeting on flood prevention',
        date: '2023-03-14',
        end_date: '',
        venue: 'Changsha',
        chair: ['Gao Lirong'],
        speakers: ['Gao Lirong', 'Xu Wenbo'],
        attendees: ['Li Jinhua'],
      },
    ],
    directives: [
      { speaker: 'Gao Lirong', verb: 'stressed', text: 'the province must be fully prepared for the flood season' },
      { speaker: 'Xu Wenbo', verb: 'said', text: 'Reservoirs must be inspected one by one before April' },
      { speaker: '会议', verb: 'urged', text: 'all cities and counties to draw up emergency plans' },
    ],
  },
  {
    name: 'an inspection over three days, with a companion and a quotation',
    text: `ZHENGZHOU, June 10 (Xinhua) -- Chinese Vice Premier Zhao Mingyuan has called for solid efforts to secure the summer grain harvest during an inspection in central China's Henan Province from Tuesday to Thursday.

Zhao, accompanied by Henan Governor Song Jiahe, visited farms and grain depots in Zhengzhou and Xinxiang.

"Not a single grain should be wasted," Zhao said.

He urged local authorities to help farmers cut costs and to keep grain prices stable.`,
    opts: { published_at: '2022-06-10T18:30:00+08:00', title: 'Vice premier stresses summer grain harvest' },
    officials: [
      { name: 'Zhao Mingyuan', title: 'Vice Premier', jurisdiction: 'China' },
      { name: 'Song Jiahe', title: 'Governor', jurisdiction: 'Henan' },
    ],
    places: ['Henan', 'Xinxiang', 'Zhengzhou'],
    meetings: [
      {
        kind: 'inspection',
        name: "inspection in central China's Henan Province",
        date: '2022-06-07',
        end_date: '2022-06-09',
        venue: '',
        chair: [],
        speakers: ['Zhao Mingyuan'],
        attendees: ['Song Jiahe'],
      },
    ],
    directives: [
      { speaker: 'Zhao Mingyuan', verb: 'called for', text: 'solid efforts to secure the summer grain harvest' },
      { speaker: 'Zhao Mingyuan', verb: 'said', text: 'Not a single grain should be wasted' },
      { speaker: 'Zhao Mingyuan', verb: 'urged', text: 'local authorities to help farmers cut costs' },
    ],
  },
  {
    name: 'a State Council executive meeting chaired by the premier, decisions by the meeting',
    text: `BEIJING, Sept. 22 (Xinhua) -- The State Council executive meeting, chaired by Premier Feng Zhiyuan on Wednesday, decided to extend tax relief for small businesses until the end of the year.

The meeting called for greater support to manufacturing enterprises in the central and western regions.

Feng noted that market entities are the foundation of the economy and must be protected.

The meeting was attended by State Councilor Tang Shuping.`,
    opts: { published_at: '2021-09-22', title: 'State Council extends tax relief' },
    officials: [
      { name: 'Feng Zhiyuan', title: 'Premier', jurisdiction: 'China' },
      { name: 'Tang Shuping', title: 'State Councilor', jurisdiction: 'China' },
    ],
    places: ['Beijing'],
    meetings: [
      {
        kind: 'meeting',
        name: 'State Council executive meeting',
        date: '2021-09-22',
        end_date: '',
        venue: '',
        chair: ['Feng Zhiyuan'],
        speakers: ['Feng Zhiyuan'],
        attendees: ['Tang Shuping'],
      },
    ],
    directives: [
      { speaker: '会议', verb: 'decided', text: 'to extend tax relief for small businesses' },
      { speaker: '会议', verb: 'called for', text: 'greater support to manufacturing enterprises' },
      { speaker: 'Feng Zhiyuan', verb: 'noted', text: 'market entities are the foundation of the economy' },
    ],
  },
  {
    name: "a mayor's inspection tour, dated by the dateline alone, with a participle and an inverted 'said'",
    text: `XI'AN, Jan. 19, 2022 (Xinhua) -- Wang Lixin, mayor of Xi'an, made an inspection tour of several districts on Monday, urging officials to speed up nucleic acid testing in Shaanxi's capital.

"Every community must stay closed until the risks are cleared," said Wang.

He noted that the city's hospitals should keep ordinary services running.`,
    opts: { title: "Xi'an mayor urges faster testing" },
    officials: [{ name: 'Wang Lixin', title: 'mayor', jurisdiction: "Xi'an" }],
    places: ['Shaanxi', "Xi'an"],
    meetings: [
      {
        kind: 'inspection',
        name: 'inspection tour of several districts',
        date: '2022-01-17',
        end_date: '',
        venue: '',
        chair: [],
        speakers: ['Wang Lixin'],
        attendees: [],
      },
    ],
    directives: [
      { speaker: 'Wang Lixin', verb: 'urging', text: 'officials to speed up nucleic acid testing' },
      { speaker: 'Wang Lixin', verb: 'said', text: 'Every community must stay closed until the risks are cleared' },
      { speaker: 'Wang Lixin', verb: 'noted', text: "the city's hospitals should keep ordinary services running" },
    ],
  },
  {
    name: 'a two-day conference: speeches, "He demanded", a vice governor',
    text: `HARBIN, Dec. 8 (Xinhua) -- A two-day provincial conference on rural revitalization was held in Harbin on Monday and Tuesday.

Chen Yuhang, Party chief of Heilongjiang Province, delivered a speech at the conference.

He demanded that every county keep its poverty-relief funds in place for another five years.

Vice Governor Zhou Baoshan also spoke at the conference.

Officials must stay in the villages during the winter, Zhou said.`,
    opts: { published_at: '2021-12-08', title: 'Heilongjiang holds rural conference' },
    officials: [
      { name: 'Chen Yuhang', title: 'Party chief', jurisdiction: 'Heilongjiang' },
      { name: 'Zhou Baoshan', title: 'Vice Governor', jurisdiction: 'Heilongjiang' },
    ],
    places: ['Harbin', 'Heilongjiang'],
    meetings: [
      {
        kind: 'meeting',
        name: 'two-day provincial conference on rural revitalization',
        date: '2021-12-06',
        end_date: '2021-12-07',
        venue: 'Harbin',
        chair: [],
        speakers: ['Chen Yuhang', 'Zhou Baoshan'],
        attendees: [],
      },
    ],
    directives: [
      { speaker: 'Chen Yuhang', verb: 'demanded', text: 'every county keep its poverty-relief funds in place' },
      { speaker: 'Zhou Baoshan', verb: 'said', text: 'Officials must stay in the villages during the winter' },
    ],
  },
];

describe.each(CASES)('$name', (c) => {
  const doc = en(c.text, c.opts);

  it('finds the officials with their offices', () => {
    const rows = officials(doc);
    expect(rows.map(({ name, title, jurisdiction }) => ({ name, title, jurisdiction }))).toEqual(c.officials);
    expect(rows.every((r) => r.origin === 'text')).toBe(true);
  });

  it('finds the places', () => {
    expect(places(doc)).toEqual(c.places);
  });

  it('finds the meeting: kind, name, date, chair, speakers, attendees', () => {
    expect(meetings(doc)).toEqual(c.meetings);
  });

  it('finds every directive with its speaker and verb', () => {
    const found = directives(doc);
    expect(found.map((d) => [d.speaker, d.verb])).toEqual(c.directives.map((d) => [d.speaker, d.verb]));
    found.forEach((d, i) => expect(d.text.startsWith(c.directives[i].text), `${d.text} starts with ${c.directives[i].text}`).toBe(true));
  });
});
