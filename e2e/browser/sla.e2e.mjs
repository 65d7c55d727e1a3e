// End-to-end journey of SLA clocks in the demo app, in real Chromium: a P1
// detected five hours ago shows both clocks breached, a P2 just logged shows
// the time left, the queue sorted by "SLA due soonest" flags the breach, and
// the Reliability tab charts the share of targets met. Expects the app on
// ITSM_E2E_APP_URL (default localhost:3000) with the seeded demo data and
// the demo's SLA targets; saves screenshots into docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BACKEND,
  guestToken,
  launchBrowser,
  newJourneyPage,
  pageSteps,
} from './journeyKit.mjs';

const RUN = `sla${Date.now().toString(36)}`;
const HOUR = 3_600_000;

let browser;
let page;
let breached;
let fresh;
const { shot, open, recordHeading } = pageSteps(() => page);

async function logIncident(token, body) {
  const res = await fetch(`${BACKEND}/api/itsm/incidents`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      entityRef: 'component:default/checkout-api',
      category: 'availability',
      description: 'Opened by the SLA journey.',
      ...body,
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

before(async () => {
  browser = await launchBrowser();
  page = await newJourneyPage(browser);
  // The development server can take long to serve the first pages.
  page.setDefaultNavigationTimeout(120_000);
  const token = await guestToken();
  breached = await logIncident(token, {
    title: `Checkout rejects every card ${RUN}`,
    impact: 1,
    urgency: 1,
    detectedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
  });
  fresh = await logIncident(token, {
    title: `Checkout slow for some shoppers ${RUN}`,
    impact: 2,
    urgency: 1,
  });
});

after(async () => {
  await browser?.close();
});

test('the API gives the clocks: breached when detected too long ago, counting when new', () => {
  assert.equal(breached.sla.priority, 1);
  assert.equal(breached.sla.respond.status, 'breached');
  assert.equal(breached.sla.resolve.status, 'breached');
  assert.equal(fresh.sla.respond.status, 'running');
  assert.equal(fresh.sla.resolve.targetMs, 8 * HOUR);
});

test('the incident view shows both clocks, breached and counting', async () => {
  await open(`/itsm/incidents/${breached.number}`);
  await recordHeading().getByText(RUN).waitFor();
  const card = page.locator('[data-testid="sla-respond"]');
  await card.getByText(/^Breached/).waitFor();
  await page
    .locator('[data-testid="sla-resolve"]')
    .getByText(/^Breached/)
    .waitFor();
  await page.getByText('P1 targets, 24x7').waitFor();
  await shot('sla-incident-breached');

  await open(`/itsm/incidents/${fresh.number}`);
  await recordHeading().getByText(RUN).waitFor();
  await page
    .locator('[data-testid="sla-respond"]')
    .getByText(/^\d+m left$/)
    .waitFor();
  await page
    .locator('[data-testid="sla-resolve"]')
    .getByText(/^\d+h( \d+m)? left$/)
    .waitFor();
});

test('the queue sorted by SLA due soonest flags the breach', async () => {
  await open(`/itsm?sort=due&q=${RUN}`);
  const row = page.getByRole('row', { name: new RegExp(breached.number) });
  await row.getByText('SLA breached').waitFor();
  const freshRow = page.getByRole('row', { name: new RegExp(fresh.number) });
  await freshRow.getByText(/left$/).waitFor();
  await open('/itsm?sort=due');
  await page.getByText('SLA breached').first().waitFor();
  await shot('sla-queue-due-soonest');
});

test('the Reliability tab shows the share of targets met and the breaches', async () => {
  await open('/itsm/reliability');
  await page.getByText('Service levels').waitFor();
  await page.getByRole('table', { name: 'SLA met by priority' }).waitFor();
  // The card lists the latest 20 breaches: the demo history's open
  // incidents may have breached after this run's, so any breach will do.
  await page
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .waitFor();
  await page.getByText('Service levels').scrollIntoViewIfNeeded();
  await shot('sla-reliability');
});
