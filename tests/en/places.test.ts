// English places: China's divisions as written, without Province/City (Hubei, Zhengzhou), and what is none.
import { describe, expect, it } from 'vitest';
import { en, places } from './en.ts';

const PUBLISHED = { published_at: '2022-01-19' };

describe('a place, as written without Province/City', () => {
  it.each([
    ["The city of Xi'an reported no new cases on Tuesday.", ["Xi'an"]],
    ['Officials in Shaanxi Province said schools would reopen.', ['Shaanxi']],
    ['Trains between Zhengzhou and Wuhan resumed on Monday.', ['Wuhan', 'Zhengzhou']],
    ["Floods hit north China's Inner Mongolia Autonomous Region last week.", ['Inner Mongolia']],
    ['A mine collapsed in Alxa Left Banner last month.', ['Alxa Left Banner']],
    ['Rescuers reached Changsha City before dawn.', ['Changsha']],
    ["Farmers in Shaanxi's Yan'an harvested apples.", ['Shaanxi', "Yan'an"]],
  ])('%s', (text, expected) => {
    expect(places(en(text, PUBLISHED))).toEqual(expected);
  });

  it('takes the dateline city', () => {
    expect(places(en('HOHHOT, March 28 (Xinhua) -- Rescue work went on through the night at the mine.', { published_at: '2023-03-29' }))).toEqual(['Hohhot']);
  });
});

describe('no place', () => {
  it.each([
    ['Officials flew from Paris to attend the talks on Tuesday.', 'a foreign city'],
    ['Ships on the Yangtze River were told to stay in port.', 'a river'],
    ['The Yangtze River Delta is a region, not a division.', 'a region'],
    ['The meeting opened at 9 a.m. Beijing time on Monday.', '"Beijing time"'],
    ['Vice Governor Li Jinhua said the harvest was good.', 'a given name that is a place name (Jinhua)'],
    ['Zhou Baoshan said the roads were open again.', 'a given name that is a place name (Baoshan)'],
  ])('%s (%s)', (text) => {
    expect(places(en(text, PUBLISHED))).toEqual([]);
  });
});
