// End-to-end journey of a major incident in the demo app, in real Chromium:
// declare one with an incident commander and a communications lead, add an
// affected service, see it declared on that service's Incidents tab, be
// refused the close while its postmortem is not published, and filter the
// postmortem list of the ITSM page. Expects the app on ITSM_E2E_APP_URL
// (default localhost:3000) with the seeded demo data; saves screenshots into
// docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BACKEND,
  guestToken,
  launchBrowser,
  newJourneyPage,
  pageSteps,
} from './journeyKit.mjs';

const RUN = `major${Date.now().toString(36)}`;

let browser;
let page;
let incident;
const { shot, open, recordHeading } = pageSteps(() => page);

async function callAsGuest(method, path, body) {
  const response = await fetch(`${BACKEND}/api/itsm${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await guestToken()}`,
    },
    body: body && JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

async function pickEntity(scope, label, typed, option) {
  const field = scope.getByRole('textbox', { name: label });
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

before(async () => {
  browser = await launchBrowser();
  page = await newJourneyPage(browser);
  // The development server hands out its bundles slowly on a busy machine.
  page.setDefaultNavigationTimeout(180_000);
  page.setDefaultTimeout(90_000);
  incident = await callAsGuest('POST', '/incidents', {
    title: `Checkout rejects every basket ${RUN}`,
    description: 'All checkouts fail with HTTP 500 since the last release.',
    entityRef: 'component:default/checkout-api',
    category: 'availability',
    impact: 1,
    urgency: 2,
  });
});

after(async () => {
  await browser?.close();
});

test('declares a major incident with its roles and adds an affected service', async () => {
  await open(`/itsm/incidents/${incident.number}`);
  await recordHeading().getByText(RUN).waitFor();
  await page.getByRole('button', { name: 'Declare major incident' }).click();
  const dialog = page.getByRole('dialog');
  await pickEntity(dialog, 'Incident commander', 'raj', /Raj Patel/);
  await pickEntity(dialog, 'Communications lead', 'priya', /Priya Raman/);
  await dialog.getByRole('button', { name: 'Declare major incident' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Change roles' }).waitFor();
  await page.getByText('Raj Patel').first().waitFor();
  await page.getByText('Priya Raman').first().waitFor();

  await pickEntity(
    page,
    'Add an affected entity',
    'payments',
    /Payments API.*component/,
  );
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page
    .getByRole('button', { name: 'Remove component:default/payments-api' })
    .waitFor();
  await page
    .getByRole('list', { name: 'Timeline' })
    .getByText('Declared a major incident', { exact: false })
    .waitFor();
  await shot('major-incident-declared');

  const stored = await callAsGuest('GET', `/incidents/${incident.number}`);
  assert.equal(stored.commanderRef, 'user:default/raj.patel');
  assert.equal(stored.communicationsLeadRef, 'user:default/priya.raman');
  assert.ok(stored.declaredAt);
});

test("shows the declared major incident on the affected service's Incidents tab", async () => {
  await open('/catalog/default/component/payments-api/incidents');
  const row = page.getByRole('row').filter({ hasText: RUN });
  await row.waitFor();
  await row.getByText('Major incident').waitFor();
  await row.getByText('Commander:').waitFor();
  await shot('entity-incidents-major-affected');
});

test('refuses to close the major incident until its postmortem is published', async () => {
  const current = await callAsGuest('GET', `/incidents/${incident.number}`);
  await callAsGuest('POST', `/incidents/${incident.id}/transitions`, {
    version: current.version,
    to: 'resolved',
    resolutionCode: 'permanent_fix',
    resolutionNotes: 'Rolled back the release.',
  });
  await open(`/itsm/incidents/${incident.number}`);
  await recordHeading().getByText(RUN).waitFor();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  // Close asks to confirm, as it cannot be undone.
  const confirm = page.getByRole('dialog');
  await confirm.getByRole('button', { name: 'Close', exact: true }).click();
  await confirm
    .getByText('a major incident needs a published postmortem', {
      exact: false,
    })
    .waitFor();
  await shot('major-incident-close-refused');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });

  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await page.getByLabel('Summary').fill(`A bad release broke checkout ${RUN}`);
  await page.getByRole('button', { name: 'Save postmortem' }).click();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.getByRole('button', { name: 'Publish' }).waitFor();
  await page.getByText('In review').first().waitFor();
});

test('lists postmortems on the ITSM page, filtered by review status', async () => {
  await open('/itsm/postmortems');
  await page.getByRole('button', { name: 'In review' }).click();
  const row = page.getByRole('row').filter({ hasText: RUN });
  await row.waitFor();
  await row.getByText('Raj Patel').waitFor();
  await shot('itsm-page-postmortems');
  await page.getByRole('button', { name: 'Published' }).click();
  await page
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: RUN }).count(), 0);
});
