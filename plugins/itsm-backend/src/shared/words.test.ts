import { countMatchedWords, tokenise } from './words';

describe('words', () => {
  it('keeps distinct lower-case words, without common ones or endings', () => {
    expect(
      tokenise('Checkout FAILS with HTTP 502; the checkout failed'),
    ).toEqual(['checkout', 'fail', 'http', '502']);
    expect(tokenise('Gateway timeouts, retrying requests')).toEqual([
      'gateway',
      'timeout',
      'retry',
      'request',
    ]);
    expect(tokenise('Zahlungsausfall für Kunden')).toEqual([
      'zahlungsausfall',
      'für',
      'kunden',
    ]);
    expect(tokenise(null)).toEqual([]);
    expect(tokenise(' - ')).toEqual([]);
  });

  it('counts the words that occur in any of the texts', () => {
    const words = tokenise('checkout requests time out at the gateway');
    expect(
      countMatchedWords(words, [
        'Gateway timeouts',
        null,
        'Checkout request fails',
      ]),
    ).toBe(3);
    expect(countMatchedWords(words, ['Disk full'])).toBe(0);
    expect(countMatchedWords([], ['checkout'])).toBe(0);
  });
});
