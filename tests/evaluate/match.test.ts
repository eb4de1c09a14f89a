// The matching rules on hand-made values: normalisation, place short forms, offices without the place,
// meeting pairing, lenient directive openings and leaks. Expected values are worked out by hand from the rules
// of data/gold/README.md and the independent Python scorer (score.py).
import { describe, expect, it } from 'vitest';
import {
  directiveAnchor, findLeaks, matchDirectives, matchTitles, pairMeetings, stripPlace, titleMatches,
} from '../../src/evaluate/match.ts';
import { datePart, norm, shortPlace, similarity, speakerKey, splitNames } from '../../src/evaluate/text.ts';

describe('normalisation', () => {
  it('folds width and case and drops spaces, quotes and name dots', () => {
    expect(norm('Ｓun  Chunlan')).toBe('sunchunlan');
    expect(norm('“西安市”\u3000')).toBe('西安市');
    expect(norm('阿不都热依木·阿不来提')).toBe('阿不都热依木阿不来提');
    expect(norm(null)).toBe('');
  });

  it('keeps the date a value starts with, also in full-width digits', () => {
    expect(datePart('2022-01-17T08:00:00+08:00')).toBe('2022-01-17');
    expect(datePart(' 2022-01-17')).toBe('2022-01-17');
    expect(datePart('２０２２-０１-１７')).toBe('２０２２-０１-１７');
    expect(datePart('1月17日')).toBe('');
  });

  it('splits a multi-valued cell on any list separator', () => {
    expect([...splitNames('刘国中; 赵一德、方红卫,,')]).toEqual([
      ['刘国中', '刘国中'],
      ['赵一德', '赵一德'],
      ['方红卫', '方红卫'],
    ]);
  });

  it('treats 会议 and "the meeting" as one speaker', () => {
    expect(speakerKey('The Meeting')).toBe('会议');
    expect(speakerKey(' 会议 ')).toBe('会议');
    expect(speakerKey('刘国中')).toBe('刘国中');
  });

  it('shortens places by their level word, but never to one character', () => {
    expect(shortPlace('陕西省')).toBe('陕西');
    expect(shortPlace('新疆维吾尔自治区')).toBe('新疆');
    expect(shortPlace('Hubei Province')).toBe('hubei');
    expect(shortPlace('沙市')).toBe('沙市');
  });

  it('measures name similarity as the Dice coefficient of bigrams', () => {
    // 9 and 8 bigrams, 6 shared (西安 安市 市疫 疫情 情防 防控).
    expect(similarity('西安市疫情防控调度会', '西安市疫情防控会议')).toBeCloseTo(12 / 17, 12);
    expect(similarity('调度会', '调度会')).toBe(1);
    expect(similarity('常务会议', '考察调研')).toBe(0);
  });
});

describe('offices', () => {
  it('strips the full or short place from the front of a title', () => {
    expect(stripPlace('西安市市长', '西安市')).toBe('市长');
    expect(stripPlace('陕西副省长', '陕西省')).toBe('副省长');
    expect(stripPlace('省委书记', '陕西省')).toBe('省委书记');
  });

  it('matches an office written with its place to the gold office without it', () => {
    expect(titleMatches('陕西省委书记', '陕西省', '省委书记', '陕西省')).toBe(true);
    expect(titleMatches('市长', '西安', '市长', '西安市')).toBe(true);
    expect(titleMatches('常务副省长', '陕西省', '副省长', '陕西省')).toBe(true);
  });

  it('does not match another place or another office', () => {
    expect(titleMatches('市长', '咸阳市', '市长', '西安市')).toBe(false);
    expect(titleMatches('县长', '', '县领导', '')).toBe(false);
    expect(titleMatches('市长', '', '市长', '西安市')).toBe(false);
  });

  it('gives each predicted office to one gold office only, in gold order', () => {
    const gold = [
      { name: '方红卫', title: '省委常委', jurisdiction: '陕西省' },
      { name: '方红卫', title: '市委书记', jurisdiction: '西安市' },
      { name: '方红卫', title: '市委书记', jurisdiction: '西安市' },
    ];
    const pred = [
      { name: '方红卫', title: '西安市委书记', jurisdiction: '西安市' },
      { name: '赵一德', title: '省委常委', jurisdiction: '陕西省' },
    ];
    expect([...matchTitles(gold, pred)]).toEqual([[1, 0]]);
  });
});

describe('meetings', () => {
  it('pairs meetings with unlike names when the date is the same', () => {
    const gold = [{ name: '西安市疫情防控调度会', date: '2022-01-17' }];
    const pred = [{ name: '视频连线', date: '2022-01-17' }];
    expect(similarity(gold[0].name, pred[0].name)).toBe(0);
    expect([...pairMeetings(gold, pred)]).toEqual([[0, 0]]);
  });

  it('prefers the same date over a slightly closer name', () => {
    const gold = [
      { name: '全市疫情防控工作会议', date: '2022-01-17' },
      { name: '全市疫情防控工作会议', date: '2022-01-18' },
    ];
    const pred = [
      { name: '全市疫情防控工作会议', date: '2022-01-18' },
      { name: '全市疫情防控工作会', date: '2022-01-17T20:00' },
    ];
    expect([...pairMeetings(gold, pred)].sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('leaves a meeting unpaired when neither the name nor the date agrees', () => {
    expect(pairMeetings([{ name: '省政府常务会议', date: '2022-01-17' }], [{ name: '在吉林省考察', date: '2022-01-18' }]).size).toBe(0);
    expect(pairMeetings([{ name: '省政府常务会议', date: null }], [{ name: '在吉林省考察', date: '' }]).size).toBe(0);
  });
});

describe('directives', () => {
  const gold = [
    { speaker: '刘国中', text: '要坚决打赢疫情防控攻坚战,守护好人民群众生命安全和身体健康' },
    { speaker: '会议', text: '要统筹疫情防控和经济社会发展,确保春节期间物资供应' },
  ];

  it('uses the first 16 normalised characters of the gold text as the opening', () => {
    expect(directiveAnchor(gold[0].text)).toBe('要坚决打赢疫情防控攻坚战,守护好');
    expect(directiveAnchor('Xi stressed the need')).toBe('xistressedthenee');
  });

  it('matches a predicted sentence that contains the opening, however it is cut or spaced', () => {
    const pred = [
      { speaker: '刘国中', directive: '他强调, 要坚决打赢 疫情防控攻坚战,守护好人民群众' },
      { speaker: 'the meeting', directive: '要统筹疫情防控和经济社会发展,确保春节期间物资供应。' },
    ];
    expect([...matchDirectives(gold, pred)]).toEqual([
      [0, { pred: 0, sameSpeaker: true }],
      [1, { pred: 1, sameSpeaker: true }],
    ]);
  });

  it('does not match a sentence holding less than the opening, and reports a wrong speaker', () => {
    const pred = [
      { speaker: '刘国中', directive: '要坚决打赢疫情防控攻坚战' },
      { speaker: '赵一德', directive: '要坚决打赢疫情防控攻坚战,守护好人民群众生命安全和身体健康。' },
    ];
    expect([...matchDirectives(gold, pred)]).toEqual([[0, { pred: 1, sameSpeaker: false }]]);
  });

  it('lets one predicted sentence answer only one gold directive', () => {
    const twice = [gold[0], gold[0]];
    expect(matchDirectives(twice, [{ speaker: '刘国中', directive: gold[0].text }]).size).toBe(1);
  });
});

describe('leaks', () => {
  it('finds page-only names inside the article’s entities, each name once', () => {
    const entities = [
      { where: 'officials.name', value: '李小鹏同志' },
      { where: 'places.place', value: '碑林区' },
      { where: 'meetings.attendees', value: '李小鹏' },
    ];
    const leaks = findLeaks(['李小鹏', '李小鹏', '雁塔区', ''], entities);
    expect(leaks).toEqual([{ name: '李小鹏', found: { where: 'officials.name', value: '李小鹏同志' } }]);
  });
});
