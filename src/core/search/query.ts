/**
 * Reading what a member of the public typed into the search box (issue 10, Deliver 3). Pure: the word cutter
 * comes in as an argument. The result is plain data — words ANDed, "exact phrases", notes to show — never
 * full-text syntax: the engine's syntax is built from it by src/search/search-dialect.ts, so quotes, `*`,
 * NEAR, `:`, parentheses and AND/OR/NOT typed by a visitor are words or nothing, never operators.
 */
import { foldWords, type WordCutter } from './words.js';

/** How a query is cut: precisely (what the visitor meant) and in search mode (the sub-words of a long word). */
export interface QueryCutter {
  cut: WordCutter;
  cutForSearch: WordCutter;
}

/** Longer queries are cut to this many characters (a search box query, not a document; Baidu takes 38). */
export const MAX_QUERY_CHARS = 100;
/** At most this many different words are ANDed (more would only slow the query down and find nothing). */
export const MAX_TERMS = 12;
/** At most this many quoted phrases are kept. */
export const MAX_PHRASES = 3;

/** A parsed query. `empty`: nothing to search for (no results, no error). */
export interface SearchQuery {
  /** Every word that must occur (folded, distinct), phrase words included. */
  terms: string[];
  /** Exact phrases as typed between quotes (whitespace collapsed): each must occur literally. */
  phrases: string[];
  /** What to mark in titles and snippets: phrases, the precise words, then the searched words. */
  highlights: string[];
  /** The query as kept (trimmed and cut to length), for the direct 文号 / 索引号 lookup. */
  text: string;
  empty: boolean;
  /** What was changed in the query, to tell the visitor (Chinese). */
  notes: string[];
}

const PHRASE = /"([^"]*)"|“([^”]*)”|「([^」]*)」/g;
const OPERATOR = /\b(?:AND|OR|NOT|NEAR)\b/g;

/** Parses a visitor's query; never throws. */
export function parseSearchQuery(raw: string, cutter: QueryCutter): SearchQuery {
  const notes: string[] = [];
  let text = (raw ?? '').replace(/\s+/gu, ' ').trim();
  if ([...text].length > MAX_QUERY_CHARS) {
    text = [...text].slice(0, MAX_QUERY_CHARS).join('').trim();
    notes.push(`检索词过长，只按前 ${MAX_QUERY_CHARS} 个字符检索。`);
  }
  const phrases: string[] = [];
  const phraseTerms: string[] = [];
  const rest = text.replace(PHRASE, (_m, a?: string, b?: string, c?: string) => {
    const phrase = (a ?? b ?? c ?? '').trim();
    const words = foldWords(cutter.cut(phrase));
    if (words.length > 0 && phrases.length < MAX_PHRASES && !phrases.includes(phrase)) {
      phrases.push(phrase);
      phraseTerms.push(...words);
    }
    return ' ';
  });
  // An unbalanced quote is left in `rest`: as a non-letter it is dropped with the other punctuation below.
  const words = [...phraseTerms, ...foldWords(cutter.cut(rest.replace(OPERATOR, ' ')))];
  const terms: string[] = [];
  for (const word of words.flatMap((w) => searchedWords(w, cutter))) {
    if (!terms.includes(word)) terms.push(word);
  }
  if (terms.length > MAX_TERMS) {
    terms.length = MAX_TERMS;
    notes.push(`检索词过多，只按前 ${MAX_TERMS} 个词检索。`);
  }
  const highlights = [...new Set([...phrases, ...words, ...terms])];
  return { terms, phrases, highlights, text, empty: terms.length === 0, notes };
}

/** Whether the parts, wherever they occur in the word, cover every character of it. */
function covers(word: string, parts: readonly string[]): boolean {
  const covered = new Array<boolean>(word.length).fill(false);
  for (const part of parts) {
    for (let at = word.indexOf(part); at >= 0; at = word.indexOf(part, at + 1)) covered.fill(true, at, at + part.length);
  }
  return covered.every(Boolean);
}

/**
 * What is searched for one precise word. jieba cuts by context: 生态环境 alone is one word, but in
 * 生态环境保护 it is 生态 + 环境保护, so a document holds the sub-words (documents are cut in search mode) and
 * not always the long word. A long word is therefore searched as its dictionary sub-words when they cover
 * it — two-character ones first, the most a document is sure to hold — and as itself otherwise.
 */
function searchedWords(word: string, cutter: QueryCutter): string[] {
  if ([...word].length <= 2) return [word];
  const subs = [...new Set(foldWords(cutter.cutForSearch(word)))].filter((s) => s !== word && word.includes(s));
  const pairs = subs.filter((s) => [...s].length === 2);
  if (pairs.length > 0 && covers(word, pairs)) return pairs;
  if (subs.length > 0 && covers(word, subs)) return subs;
  return [word];
}
