import { Problem } from '@backstage-itsm/plugin-itsm-common';

function words(text: string): Set<string> {
  return new Set(
    text
      .toLocaleLowerCase('en-US')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(word => word.length > 2),
  );
}

/**
 * Orders known errors by how many words of the typed text they share in
 * title, statement, symptoms or root cause, best first; ties keep their order.
 */
export function rankKnownErrors(
  knownErrors: Problem[],
  typed: string,
): { problem: Problem; matches: number }[] {
  const typedWords = words(typed);
  return knownErrors
    .map((problem, index) => {
      const haystack = words(
        [problem.title, problem.statement, problem.symptoms, problem.rootCause]
          .filter(Boolean)
          .join(' '),
      );
      let matches = 0;
      for (const word of typedWords) {
        if (haystack.has(word)) {
          matches += 1;
        }
      }
      return { problem, matches, index };
    })
    .sort((a, b) => b.matches - a.matches || a.index - b.index)
    .map(({ problem, matches }) => ({ problem, matches }));
}
