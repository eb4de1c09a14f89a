// zh or en, from the script the text is written in: a Han character carries about as much as an English
// word, so Chinese wins when it has at least a third as many Han characters as the text has Latin letters.
// (Pages of either language carry a little of the other in menus: 新浪微博 on an English page.)
import type { Language } from '../doc.ts';
import { countHan, countLatin } from '../text/lines.ts';

export function detectLanguage(text: string): Language {
  const han = countHan(text);
  const latin = countLatin(text);
  return han * 3 >= latin / 1.5 || han > 200 ? 'zh' : 'en';
}
