// End-to-end journey of an engineer who remembers a symptom, in real
// Chromium: search the demo's words of a known error on /search, see it
// among the results with its number, priority and status, narrow the
// results to known errors, and click through to the problem. Expects the
// app on ITSM_E2E_APP_URL (default localhost:3000) with the seeded demo data
// indexed (search.collators.itsm runs 5 s after start-up); saves a
// screenshot into docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newJourneyPage, pageSteps } from './journeyKit.mjs';

const WORDS = 'pgbouncer idle in transaction';
const KNOWN_ERROR = /orders-db connection pool exhaustion under peak load/;

let browser;
let page;
const { shot, open, recordHeading } = pageSteps(() => page);

before(async () => {
  browser = await launchBrowser();
  page = await newJourneyPage(browser);
  // The first load parses the whole development bundle; on a busy machine
  // that alone can take longer than the kit's 30 s.
  page.setDefaultNavigationTimeout(120_000);
});

after(async () => {
  await browser?.close();
});

/** The result link of the known error, once the index holds it. */
async function searchUntilFound() {
  const deadline = Date.now() + 180_000;
  for (;;) {
    // The page keeps its query and type filter in the URL, as a shared link does.
    await open(
      `/search?query=${encodeURIComponent(
        WORDS,
      )}&types%5B0%5D=itsm-known-error`,
    );
    const result = page.getByRole('link', { name: KNOWN_ERROR }).first();
    const found = await result
      .waitFor({ timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    if (found) {
      return result;
    }
    assert.ok(
      Date.now() < deadline,
      'the known error was not indexed within 180 s of the first search',
    );
  }
}

test('finds a known error by words of its symptoms and opens it', async () => {
  const result = await searchUntilFound();
  const item = page.getByRole('listitem').filter({ has: result });
  await item.getByText('Known error', { exact: true }).waitFor();
  await item.getByText(/^PRB-\d{6}$/).waitFor();
  await item.getByText(/^P\d/).first().waitFor();
  // The ITSM types are entries of the page's result type filter.
  for (const type of ['Incidents', 'Problems', 'Known errors', 'Postmortems']) {
    await page.getByText(type, { exact: true }).first().waitFor();
  }
  await shot('search-known-error');

  await result.click();
  await page.waitForURL(/\/itsm\/problems\/PRB-\d{6}$/);
  const heading = recordHeading();
  await heading.waitFor();
  assert.match(await heading.innerText(), KNOWN_ERROR);
});
