/**
 * Words of short free text for ranking a handful of suggestions in memory:
 * lower case, letters and digits only, common English words left out, and
 * plural and verb endings trimmed so that `fails`, `failed` and `failing`
 * count as one word.
 */

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'can',
  'for',
  'from',
  'has',
  'have',
  'in',
  'into',
  'is',
  'it',
  'its',
  'no',
  'not',
  'of',
  'on',
  'or',
  'our',
  'so',
  'some',
  'than',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'this',
  'to',
  'was',
  'we',
  'were',
  'when',
  'which',
  'while',
  'who',
  'will',
  'with',
]);

const ENDINGS = ['ing', 'ed', 's'];

function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (
      word.endsWith(ending) &&
      !(ending === 's' && word.endsWith('ss')) &&
      word.length - ending.length >= 3
    ) {
      return word.slice(0, -ending.length);
    }
  }
  return word;
}

/** The distinct words of a text, in the order they first appear. */
export function tokenise(text: string | null | undefined): string[] {
  const words = (text ?? '')
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(word => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
  return [...new Set(words)];
}

/** How many of `words` (from {@link tokenise}) occur among the words of the texts. */
export function countMatchedWords(
  words: readonly string[],
  texts: readonly (string | null | undefined)[],
): number {
  if (words.length === 0) {
    return 0;
  }
  const found = new Set(texts.flatMap(tokenise));
  return words.filter(word => found.has(word)).length;
}
