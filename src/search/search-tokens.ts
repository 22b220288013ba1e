/**
 * Chinese word cutting for the search index and queries: @node-rs/jieba with its default dictionary, loaded
 * once per process. Documents are cut in search mode (a long word also yields its dictionary sub-words:
 * 环境保护 → 环境, 保护, 环境保护), so a query word found by the precise cut — which is what a visitor's query
 * is cut with — is among a document's words whether the document wrote it alone or inside a longer word.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { QueryCutter } from '../core/search/query.js';
import { foldWords } from '../core/search/words.js';

let jieba: Jieba | null = null;

function cutter(): Jieba {
  return (jieba ??= Jieba.withDict(dict));
}

/** At most this many words of a document's text are indexed (PostgreSQL keeps positions up to 16,383). */
export const MAX_INDEXED_WORDS = 16_000;

/** How queries are cut (HMM on, as for documents, so unknown names are cut alike). */
export const queryCutter: QueryCutter = {
  cut: (text) => cutter().cut(text.normalize('NFKC'), true),
  cutForSearch: (text) => cutter().cutForSearch(text.normalize('NFKC'), true),
};

/** A document text's words for the index: search-mode cut, folded, space-separated, capped. */
export function indexWords(text: string): string {
  // NFKC before cutting: jieba cuts full-width ＡＢＣ１２ letter by letter, ABC12 as one word.
  const words = foldWords(cutter().cutForSearch(text.normalize('NFKC'), true));
  if (words.length > MAX_INDEXED_WORDS) words.length = MAX_INDEXED_WORDS;
  return words.join(' ');
}
