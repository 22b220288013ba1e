/**
 * The words both the index and a query are made of, so that the two always agree: a word cut by jieba is
 * folded (NFKC: full-width letters and digits to half-width; Latin to lower case) and split at anything that
 * is not a letter or a digit. What is left is only letters and digits, so neither SQLite's unicode61 tokenizer
 * nor PostgreSQL's parser splits it any further, and no full-text syntax can travel inside a word.
 */

/** Cuts a text into words (jieba in src/search/search-tokens.ts; injected so the core stays pure). */
export type WordCutter = (text: string) => string[];

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The folded words of some cut text, in order (repeats kept: positions matter for ranking). */
export function foldWords(cut: readonly string[]): string[] {
  const words: string[] = [];
  for (const piece of cut) {
    for (const word of piece.normalize('NFKC').toLowerCase().split(NOT_WORD)) if (word) words.push(word);
  }
  return words;
}
