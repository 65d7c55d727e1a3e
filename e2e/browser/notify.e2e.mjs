// End-to-end journey of telling the right people, in real Chromium: a P1 on
// a shared dependency warns the services that depend on it, shows on the
// status page, reaches a second viewer without a reload (signals), and
// notifies the downstream team. Expects the demo app on ITSM_E2E_APP_URL
// (default localhost:3000); saves screenshots into docs/screenshots/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  BACKEND,
  SHOTS,
  guestToken,
  launchBrowser,
  sendFiringAlerts,
  visit as open,
} from './journeyKit.mjs';

const RUN = Date.now().toString(36);
const TITLE = `Card payments fail ${RUN}`;

let browser;
/** The responder's tab, and a second viewer's, each signed in as the guest. */
let page;
let viewer;
let incident;

async function shot(target, name) {
  // Away from the last button clicked, which would show in its hover colour.
  await target.mouse.move(0, 0);
  await target.waitForLoadState('networkidle');
  // Transitions run to their end: a button that just changed colour shows its new one.
  await target.screenshot({
    path: join(SHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

async function newTab() {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  const tab = await context.newPage();
  tab.setDefaultTimeout(30_000);
  return tab;
}

async function getJson(path) {
  const response = await fetch(`${BACKEND}${path}`, {
    headers: { Authorization: `Bearer ${await guestToken()}` },
  });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/** Polls until `find` returns something, for work that happens after commit. */
async function eventually(what, find, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) {
      return found;
    }
    if (Date.now() > deadline) {
      assert.fail(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

before(async () => {
  browser = await launchBrowser();
  page = await newTab();
  viewer = await newTab();
});

after(async () => {
  await browser?.close();
});

test('an alert opens a P1 on payments-api, which checkout-api depends on', async () => {
  const response = await sendFiringAlerts(`{}:{alertname="PaymentsDown"}`, [
    {
      status: 'firing',
      labels: {
        alertname: 'PaymentsDown',
        service: 'payments-api',
        severity: 'critical',
      },
      annotations: { summary: TITLE },
      startsAt: new Date().toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: `notify-${RUN}`,
    },
  ]);
  assert.equal(response.status, 200);
  const page1 = await getJson(
    `/api/itsm/incidents?text=${encodeURIComponent(RUN)}`,
  );
  incident = page1.items.find(i => i.title.includes(TITLE));
  assert.ok(incident, 'the alert opened an incident');
  assert.equal(incident.entityRef, 'component:default/payments-api');
  assert.equal(incident.priority, 1);
});

test('checkout-api shows the upstream warning with a link to the incident', async () => {
  await open(page, '/catalog/default/component/checkout-api');
  const banner = page.getByRole('alert', { name: 'Upstream incidents' });
  const line = banner.getByText(TITLE);
  await line.waitFor();
  await banner
    .getByText(/which Checkout API depends on has an open P1/)
    .first()
    .waitFor();
  await banner.getByRole('link', { name: incident.number }).waitFor();
  await shot(page, 'upstream-banner');
  await banner.getByRole('link', { name: incident.number }).click();
  await page
    .getByRole('heading', {
      name: `${incident.number} · PaymentsDown: ${TITLE}`,
    })
    .waitFor();
});

test('the status page shows the outage', async () => {
  await open(page, '/itsm/status');
  const payments = page.getByRole('list', { name: 'Components of Payments' });
  const row = payments.getByRole('listitem').filter({ hasText: TITLE });
  await row.getByText('Major outage').waitFor();
  await shot(page, 'status-page');
});

// Needs the signals published by the backend after each change.
test('a second viewer sees a public status update appear without reloading', async () => {
  await open(viewer, '/itsm/status');
  await viewer.getByRole('list', { name: 'Components of Payments' }).waitFor();

  await open(page, `/itsm/incidents/${incident.number}`);
  const update = `Failing over to the secondary acquirer (${RUN})`;
  await page.getByLabel('Add to the timeline').fill(update);
  await page.getByLabel('Public status update').check();
  await page.getByRole('button', { name: 'Post update' }).click();
  await page.getByText(update).first().waitFor();

  await viewer
    .getByRole('list', { name: 'Status updates' })
    .getByText(update)
    .waitFor({ timeout: 20_000 });
  await shot(viewer, 'status-page-live-update');
});

// Needs the followers and audience routes of the backend.
test('the incident view offers following and names who hears of an update', async () => {
  await open(page, `/itsm/incidents/${incident.number}`);
  await page.getByText(/A public status update is sent to/).waitFor();
  await page
    .getByText(/\(owner\)/)
    .first()
    .waitFor();
  await shot(page, 'status-update-audience');

  const follow = page.getByRole('button', { name: /^(Follow|Unfollow)$/ });
  await follow.waitFor();
  if ((await follow.textContent()).trim() === 'Unfollow') {
    await follow.click();
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
  }
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await page.getByRole('button', { name: 'Unfollow', exact: true }).waitFor();
  await page.getByText(/^\d+ followers?$/).waitFor();
  assert.ok(
    await page
      .getByRole('button', { name: 'Unfollow', exact: true })
      .isEnabled(),
  );
  await shot(page, 'follow-button');
});

// Needs the notifications sent by the backend: the guest is a member of
// checkout-team, which owns checkout-api, a dependent of payments-api.
test('the downstream team is notified', async () => {
  const link = `/itsm/incidents/${incident.number}`;
  const notice = await eventually(
    'the incident-dependents notification',
    async () => {
      const { notifications } = await getJson(
        '/api/notifications/notifications?topic=incident-dependents&limit=50',
      );
      return notifications.find(n => n.payload.link === link);
    },
  );
  assert.equal(notice.payload.severity, 'critical');
  await open(page, '/notifications');
  await page.getByText(notice.payload.title).first().waitFor();
  await shot(page, 'notifications-page');
});
