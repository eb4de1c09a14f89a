// English officials: made-up pinyin names with their offices (title as written, without the place; the
// place in English as written, China for national offices), dictionary names, and what is no official.
import { describe, expect, it } from 'vitest';
import { analyze, rowsOf } from '../helpers.ts';
import { en, officials, places } from './en.ts';

const PUBLISHED = { published_at: '2022-01-19' };

describe('an official: name, title without the place, jurisdiction', () => {
  it.each([
    ['Vice Premier Zhao Mingyuan stressed the importance of grain security.', 'Zhao Mingyuan', 'Vice Premier', 'China'],
    ['Chinese Premier Feng Zhiyuan chaired a meeting of the State Council.', 'Feng Zhiyuan', 'Premier', 'China'],
    ['State Councilor Tang Shuping attended the ceremony in the capital.', 'Tang Shuping', 'State Councilor', 'China'],
    ['Gao Lirong, Party secretary of Hunan Province, chaired the meeting.', 'Gao Lirong', 'Party secretary', 'Hunan'],
    ['Wang Lixin, deputy Party secretary of Shaanxi Province, spoke at the forum.', 'Wang Lixin', 'deputy Party secretary', 'Shaanxi'],
    ['Qian Haitao, mayor of Zhengzhou, said the city would reopen schools.', 'Qian Haitao', 'mayor', 'Zhengzhou'],
    ['Mayor Qian Haitao of Zhengzhou attended the meeting on Friday.', 'Qian Haitao', 'Mayor', 'Zhengzhou'],
    ['Zhengzhou Mayor Qian Haitao said the city would reopen schools.', 'Qian Haitao', 'Mayor', 'Zhengzhou'],
    ['Hunan Governor Xu Wenbo said the province must keep its economy stable.', 'Xu Wenbo', 'Governor', 'Hunan'],
    ['Shaanxi Provincial Party secretary Tian Yunfei said the work must go on.', 'Tian Yunfei', 'Party secretary', 'Shaanxi'],
    ['Vice Governor Luo Jiancheng of Hubei Province visited the flooded villages.', 'Luo Jiancheng', 'Vice Governor', 'Hubei'],
    // A bare provincial office in an article that names one province: that province (as for 副省长).
    ['Governor Xu Wenbo said Hunan will build more reservoirs this year.', 'Xu Wenbo', 'Governor', 'Hunan'],
    // … and where the article never names the place: empty, as the gold records it.
    ['Governor Xu Wenbo said the province must keep its economy stable.', 'Xu Wenbo', 'Governor', ''],
    // A given name that is also a place name (Jinhua, Baoshan) is still the person's.
    ['Vice Governor Li Jinhua of Zhejiang Province said the work must go on.', 'Li Jinhua', 'Vice Governor', 'Zhejiang'],
    ['Zhou Baoshan, Party chief of Heilongjiang Province, spoke at the conference.', 'Zhou Baoshan', 'Party chief', 'Heilongjiang'],
    // No office: the name with a reporting verb.
    ['Zhou Baoshan said the harvest was better than expected.', 'Zhou Baoshan', '', ''],
  ])('%s', (text, name, title, jurisdiction) => {
    const rows = officials(en(text, PUBLISHED));
    expect(rows).toContainEqual({ name, title, jurisdiction, origin: 'text' });
    expect(rows.filter((r) => r.name === name)).toHaveLength(1);
  });
});

describe('a dictionary name (officials.csv name_en) is a person of origin dictionary', () => {
  it.each([
    ['Liu Guozhong stressed the need to win the fight against the epidemic.', 'Liu Guozhong'],
    ['The work plan was approved by Chen Min’er and others at the session.'.replace('’', "'"), "Chen Min'er"],
    ['He Lifeng said the reforms would continue next year.', 'He Lifeng'],
    ['The report was presented by Erkin Tuniyaz at the session in Urumqi.', 'Erkin Tuniyaz'],
    ['A letter from Bagatur was read out at the session.', 'Bagatur'],
  ])('%s', (text, name) => {
    const rows = officials(en(text, PUBLISHED));
    expect(rows.map((r) => [r.name, r.origin])).toContainEqual([name, 'dictionary']);
  });

  it('keeps the office the article gives a dictionary name', () => {
    const rows = officials(en('Vice Premier Liu Guozhong called for efforts to secure spring farming.', PUBLISHED));
    expect(rows).toEqual([{ name: 'Liu Guozhong', title: 'Vice Premier', jurisdiction: 'China', origin: 'dictionary' }]);
  });

  it('gives the same dictionary entry to 刘国中 and Liu Guozhong', () => {
    const zh = analyze('省委书记刘国中17日晚出席西安市疫情防控调度会。他强调,要坚决打赢疫情防控攻坚战。', PUBLISHED);
    const english = en('Liu Guozhong stressed the need to win the fight against the epidemic in Xi\'an.', PUBLISHED);
    const a = zh.people.find((p) => p.name === '刘国中');
    const b = english.people.find((p) => p.name === 'Liu Guozhong');
    expect(a?.entry).toBeTruthy();
    expect(b?.entry).toBe(a?.entry);
    expect(b?.nameEn).toBe(a?.nameEn);
    // and the tables say so: both rows carry the dictionary's name
    const rowOf = (doc: typeof zh, name: string) => rowsOf(doc).officials.find((r) => r.name === name);
    expect(rowOf(zh, '刘国中')).toMatchObject({ canonical: '刘国中', name_en: 'Liu Guozhong' });
    expect(rowOf(english, 'Liu Guozhong')).toMatchObject({ canonical: '刘国中', name_en: 'Liu Guozhong' });
  });
});

describe('no official', () => {
  it.each([
    ['John Smith said the talks had gone well.', 'a Western name'],
    ['Officials in Hunan Province said the floods had receded.', 'a province, no name'],
    ['The Yangtze River Delta said to be booming, Xinhua News Agency reported.', 'a region and an agency'],
    ['Premier League clubs said they would return to training.', 'an office word before a non-name'],
    ['Long March rockets said to be ready for launch.', 'a surname-like word (Long) before a non-name'],
  ])('%s (%s)', (text) => {
    expect(officials(en(text, PUBLISHED))).toEqual([]);
  });

  it('does not take "He said" for the surname He (何)', () => {
    const doc = en('He Lifeng visited Tianjin on Monday. Governor Xu Wenbo attended the meeting there. He said the port must reopen.', PUBLISHED);
    expect(doc.people.map((p) => p.name).sort()).toEqual(['He Lifeng', 'Xu Wenbo']);
    expect(doc.people.find((p) => p.name === 'He Lifeng')?.mentions).toHaveLength(1);
  });

  it('does not take a given name for a place (Li Jinhua, Zhou Baoshan)', () => {
    const doc = en('Vice Governor Li Jinhua and Zhou Baoshan, Party chief of Heilongjiang Province, met in Harbin.', PUBLISHED);
    expect(places(doc)).toEqual(['Harbin', 'Heilongjiang']);
  });
});

describe('later mentions', () => {
  it('counts the surname alone and He/She as the same person', () => {
    const doc = en('Vice Premier Zhao Mingyuan visited Henan on Monday. Zhao urged farmers to plant early. He said prices would stay stable.', PUBLISHED);
    expect(doc.people).toHaveLength(1);
    expect(doc.people[0].mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Zhao Mingyuan', 'Zhao', 'He']);
  });
});
