// End-to-end journey of a responder triaging in the demo app, in real
// Chromium: log from the queue, reassign and re-prioritise with a reason,
// find another team's incident in the organisation queue, open a system's
// Incidents tab, find a known error by two words and link an alert-opened
// incident to it with "This is it". Expects the app on ITSM_E2E_APP_URL
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
  sendFiringAlerts,
} from './journeyKit.mjs';

const RUN = `triage${Date.now().toString(36)}`;

let browser;
let page;
const { shot, open, recordHeading } = pageSteps(() => page);

async function choose(scope, label, option) {
  // Required fields add ' *' to their label.
  await scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).click();
  await page.getByRole('option', { name: option, exact: true }).click();
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
});

after(async () => {
  await browser?.close();
});

test('logs from the queue, then reassigns and re-prioritises with a reason', async () => {
  await open('/itsm');
  await page.getByRole('button', { name: 'Log incident' }).click();
  const picker = page.getByRole('dialog');
  await pickEntity(picker, 'Broken entity', 'cart', /Cart Service/);
  await picker.getByRole('button', { name: 'Next' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(`Cart totals are wrong ${RUN}`);
  await dialog
    .getByLabel('Description')
    .fill('Totals ignore the discount code for some shoppers.');
  await dialog.getByRole('button', { name: 'Log incident' }).click();
  await recordHeading().getByText(RUN).waitFor();

  await page.getByRole('button', { name: /^Edit INC-\d{6}$/ }).click();
  const edit = page.getByRole('dialog');
  await edit.getByRole('button', { name: 'Assign to me' }).click();
  await choose(edit, 'Impact', '1 - High');
  await choose(edit, 'Urgency', '1 - High');
  await edit.getByLabel('Derived priority').getByText('P1 critical').waitFor();
  const reason = `Every checkout with a code is wrong (${RUN})`;
  await edit.getByLabel(/Reason for the new priority/).fill(reason);
  await page.locator('[role=dialog] button:has-text("Save"):enabled').waitFor();
  await shot('edit-incident-dialog');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  await page
    .getByRole('list', { name: 'Timeline' })
    .getByText(reason, { exact: false })
    .waitFor();
  await page.getByText('P1 critical').first().waitFor();
  assert.equal(await page.getByText('Unassigned').count(), 0);
});

test('finds an open P1 of another team in the organisation queue', async () => {
  await open('/itsm');
  // An API is titled Payments API too: pick the component.
  await pickEntity(page, 'Entity', 'payments', /Payments API.*component/);
  const pinned = page.getByRole('region', { name: 'Open P1 and P2 incidents' });
  await pinned
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .waitFor();
  assert.match(page.url(), /entity=component%3Adefault%2Fpayments-api/);
  await shot('itsm-page-incident-queue');
  // The filters live in the URL: the same view opens from a shared link.
  await open(new URL(page.url()).pathname + new URL(page.url()).search);
  await pinned
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .waitFor();
});

test("a system's Incidents tab lists its components' incidents", async () => {
  await open('/catalog/default/system/payments/incidents');
  await page.getByRole('columnheader', { name: 'Entity' }).waitFor();
  await page
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .waitFor();
  await shot('system-incidents-tab');
});

test('finds a known error by two words and links an alert-opened incident to it', async () => {
  await open('/itsm/known-errors');
  await page
    .getByLabel('Search symptoms, causes and workarounds')
    .fill('gateway 503');
  const firstRow = page.getByRole('link', { name: /^PRB-\d{6}$/ }).first();
  await firstRow.waitFor();
  const knownError = await firstRow.textContent();

  const response = await sendFiringAlerts(
    `{}:{alertname="GatewayHigh5xxRate",run="${RUN}"}`,
    [
      {
        status: 'firing',
        labels: {
          alertname: 'GatewayHigh5xxRate',
          service: 'api-gateway',
          severity: 'critical',
          e2e_run: RUN,
        },
        annotations: {
          summary: `api-gateway returns HTTP 503 (${RUN})`,
        },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: `e2e-${RUN}`,
      },
    ],
  );
  assert.equal(response.status, 200);
  const token = await guestToken();
  const listed = await (
    await fetch(
      `${BACKEND}/api/itsm/incidents?entityRef=component:default/api-gateway&source=alert&sort=newest&limit=20`,
      { headers: { Authorization: `Bearer ${token}` } },
    )
  ).json();
  const alerted = listed.items.find(incident => incident.title.includes(RUN));
  assert.ok(alerted, 'the alert opened an incident on api-gateway');

  await open(`/itsm/incidents/${alerted.number}`);
  const item = page.getByRole('group', { name: `Known error ${knownError}` });
  await item.waitFor();
  // The page scrolls inside its layout, so a full-page shot needs the panel in view.
  await item.scrollIntoViewIfNeeded();
  await shot('incident-known-errors');
  await item.getByRole('button', { name: 'This is it' }).click();
  await item.getByText('Linked', { exact: true }).waitFor();
  const problem = await (
    await fetch(`${BACKEND}/api/itsm/problems/${knownError}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();
  // The incident took the known error's workaround.
  await page.getByText(problem.workaround, { exact: true }).first().waitFor();
  await page.getByRole('link', { name: knownError }).first().waitFor();
});
