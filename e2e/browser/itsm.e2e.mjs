// End-to-end journey of a service owner through the demo app, in real
// Chromium. Expects the app on ITSM_E2E_APP_URL (default localhost:3000)
// with the seeded demo data; saves screenshots into docs/screenshots/.
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

const RUN = Date.now().toString(36);

let browser;
let page;
const { shot, open, recordHeading } = pageSteps(() => page);

async function choose(label, option) {
  // Required fields add ' *' to their label.
  await page.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

before(async () => {
  browser = await launchBrowser();
  page = await newJourneyPage(browser);
});

after(async () => {
  await browser?.close();
});

test('the overview shows the ITSM card and the major-incident banner', async () => {
  await open('/catalog/default/component/payments-api');
  await page.getByText('A major incident is open on this entity').waitFor();
  await page.getByText('MTTR, last 30 days').waitFor();
  await shot('entity-overview-card');
});

let incidentNumber;

test('logs an incident with a known-error suggestion, then acknowledges, resolves and closes it', async () => {
  await open('/catalog/default/component/checkout-api/incidents');
  await page.getByRole('button', { name: 'Log incident' }).click();
  await page
    .getByLabel('Title')
    .fill(`Checkout answers 503 during deployment ${RUN}`);
  await page
    .getByLabel('Description')
    .fill(
      'Short bursts of HTTP 503 on POST /checkout while a deployment rolls out.',
    );
  await choose('Impact', '1 - High');
  await choose('Urgency', '2 - Medium');
  const priority = page.getByLabel('Derived priority');
  await priority.getByText('P2 high').waitFor();
  const suggestions = page.getByRole('region', {
    name: 'Known error suggestions',
  });
  await suggestions.getByText('matches what you typed').first().waitFor();
  await suggestions
    .getByText('checkout-api returns 503 during every deployment')
    .waitFor();
  await shot('log-incident-dialog');

  await page.getByRole('button', { name: 'Log incident' }).last().click();
  await recordHeading().getByText(RUN).waitFor();
  const heading = await recordHeading().textContent();
  incidentNumber = heading.split(' ')[0];
  assert.match(incidentNumber, /^INC-\d{6}$/);

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByText('In progress', { exact: true }).waitFor();
  await page
    .getByLabel('Add to the timeline')
    .fill('Rolling back the deployment.');
  await page.getByLabel('Public status update').check();
  await page.getByRole('button', { name: 'Post update' }).click();
  await page.getByText('Rolling back the deployment.').waitFor();

  await page.getByRole('button', { name: 'Resolve' }).click();
  await choose('Resolution code', 'Workaround applied');
  await page.getByLabel('Resolution notes').fill('Rolled back; 503s stopped.');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Resolve' })
    .click();
  await page.getByText('Resolved', { exact: true }).first().waitFor();
  await shot('incident-view');

  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByText('Closed', { exact: true }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Reopen' }).count(), 0);
});

test('creates a problem from an incident, roots it in a shared dependency and publishes a known error', async () => {
  await open('/catalog/default/component/cart-service/incidents');
  await page.getByRole('button', { name: 'Log incident' }).click();
  await page.getByLabel('Title').fill(`Cart loses items at peak ${RUN}`);
  await page
    .getByLabel('Description')
    .fill('Carts come back empty for some shoppers during the evening peak.');
  await page.getByRole('button', { name: 'Log incident' }).last().click();
  await recordHeading().getByText(RUN).waitFor();
  await shot('incident-tab-record');

  await page
    .getByRole('button', { name: 'Create problem from this incident' })
    .click();
  await recordHeading()
    .getByText(/^PRB-\d{6}/)
    .waitFor();
  const problemNumber = (await recordHeading().textContent()).split(' ')[0];

  await page.getByRole('button', { name: 'Edit analysis' }).click();
  // The open option list is labelled like its input: address the textbox.
  const rootCause = page.getByRole('textbox', { name: 'Root-cause entity' });
  await rootCause.click();
  await rootCause.fill('redis');
  await page.getByRole('option', { name: /Redis Cache/ }).click();
  await choose('RCA method', 'Five whys');
  await page
    .getByLabel('Root cause')
    .fill('redis-cache evicts cart keys when maxmemory is reached at peak.');
  await page
    .getByLabel('Workaround', { exact: true })
    .fill(`Raise maxmemory on redis-cache by 2 GB during sales (${RUN}).`);
  await page.getByRole('button', { name: 'Save analysis' }).click();
  // The saved root cause shows in the record and in the timeline row.
  await page
    .getByText(
      'redis-cache evicts cart keys when maxmemory is reached at peak.',
      {
        exact: true,
      },
    )
    .waitFor();
  await page.getByRole('button', { name: 'Publish as known error' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Publish', exact: true })
    .click();
  await page.getByText('Known error', { exact: true }).first().waitFor();
  await shot('problem-view');

  await open('/catalog/default/resource/redis-cache/problems');
  await page.getByText(problemNumber).waitFor();
  await page.getByText('Problems rooted in this resource').waitFor();
  await shot('entity-problems-tab');
});

test('the ITSM page shows the incident queue, all problems and the known error database', async () => {
  await open('/catalog/default/component/payments-api/incidents');
  await page.getByText('A major incident is open on this entity').waitFor();
  await shot('entity-incidents-tab');

  await open('/itsm');
  await page.getByText('Open P1 and P2').waitFor();
  await shot('itsm-page-incidents');
  await page.getByRole('tab', { name: 'Problems' }).click();
  await page.getByText('Services hurt').waitFor();
  await shot('itsm-page-problems');
  await page.getByRole('tab', { name: 'Known errors' }).click();
  await page
    .getByLabel('Search symptoms, causes and workarounds')
    .fill('cart keys');
  await page.getByText(`during sales (${RUN})`).waitFor();
  await shot('itsm-page-known-errors');
});

test('the Reliability tab and page chart trends, fix effects and problem aging', async () => {
  await open('/catalog/default/component/payments-api/reliability');
  await page.getByText('Incidents per week by priority').waitFor();
  await shot('entity-reliability-tab');
  await open('/itsm/reliability');
  await page.getByText('Incidents per week by priority').waitFor();
  await shot('itsm-page-reliability');

  // The same charts in the dark theme, which Backstage keeps in local storage.
  await page.evaluate(() => localStorage.setItem('theme', 'dark'));
  await open('/catalog/default/component/payments-api/reliability');
  await page.getByText('Incidents per week by priority').waitFor();
  await shot('entity-reliability-tab-dark');
  await page.evaluate(() => localStorage.removeItem('theme'));
});

test('an alert that matched no entity waits in the inbox and is assigned to one', async () => {
  const response = await sendFiringAlerts(`{}:{alertname="DiskFull"}`, [
    {
      status: 'firing',
      labels: {
        alertname: 'DiskFull',
        instance: `node-${RUN}`,
        severity: 'critical',
      },
      annotations: { summary: `Disk full on node-${RUN}` },
      startsAt: new Date().toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: `e2e-${RUN}`,
    },
  ]);
  assert.equal(response.status, 200);

  await open('/itsm/unrouted');
  await page.getByText(`Disk full on node-${RUN}`).waitFor();
  await shot('itsm-page-unrouted-alerts');
  await page
    .getByRole('row', { name: new RegExp(`node-${RUN}`) })
    .getByRole('button', { name: 'Assign' })
    .click();
  await page.getByRole('textbox', { name: 'Entity' }).fill('orders');
  await page.getByRole('option', { name: /Orders Database/ }).click();
  await page.getByRole('button', { name: 'Open incident' }).click();
  await recordHeading().getByText(`Disk full on node-${RUN}`).waitFor();
});

test('a detected proposal is rejected with a reason, which releases its incidents', async () => {
  const proposals = await (
    await fetch(`${BACKEND}/api/itsm/problems?source=detected&status=new`, {
      headers: { Authorization: `Bearer ${await guestToken()}` },
    })
  ).json();
  const proposal = proposals.items.find(p => p.incidentCount > 0);
  assert.ok(proposal, 'the demo has a proposal with incidents');

  await open(`/itsm/problems/${proposal.number}`);
  await page.getByRole('button', { name: 'Reject proposal' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/released, so that/).waitFor();
  await dialog
    .getByRole('textbox', { name: /Reason/ })
    .fill(`Unrelated causes (${RUN})`);
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await page.getByText('No incidents are linked').waitFor();
  await page.getByText(`Unrelated causes (${RUN})`).first().waitFor();
});
