// End-to-end journey of "what changed?", in real Chromium: a deploy
// pipeline's curl step records a deploy of auth-service with the CI token,
// an incident opens on checkout-api (which depends on auth-service), and the
// incident view lists the deploy with its path through the dependency graph;
// the Reliability tab then shows the DORA figures. Expects the app on
// ITSM_E2E_APP_URL (default localhost:3000) with the seeded demo data; saves
// screenshots into docs/screenshots/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import {
  BACKEND,
  guestToken,
  launchBrowser,
  newJourneyPage,
  pageSteps,
} from './journeyKit.mjs';

const CI_TOKEN = process.env.ITSM_E2E_CI_TOKEN ?? 'itsm-demo-ci-token';
const RUN = `changes${Date.now().toString(36)}`;
const VERSION = `2.4.${Date.now() % 1000}`;

let browser;
let page;
const { shot, open, recordHeading } = pageSteps(() => page);

/** The pipeline step of the README, run with the real curl. */
async function curlDeploy(body) {
  const { stdout } = await promisify(execFile)('curl', [
    '--fail-with-body',
    '-sS',
    '-X',
    'POST',
    `${BACKEND}/api/itsm/changes`,
    '-H',
    `Authorization: Bearer ${CI_TOKEN}`,
    '-H',
    'Content-Type: application/json',
    '-d',
    JSON.stringify(body),
  ]);
  return JSON.parse(stdout);
}

before(async () => {
  browser = await launchBrowser();
  page = await newJourneyPage(browser);
  // The first visit loads the whole app bundle, slow on a busy machine.
  page.setDefaultNavigationTimeout(90_000);
});

after(async () => {
  await browser?.close();
});

test('shows a curl-posted deploy of auth-service on an incident of checkout-api, with its path', async () => {
  const deploy = {
    entityRef: 'component:default/auth-service',
    kind: 'deploy',
    summary: `Deploy auth-service ${VERSION}`,
    version: VERSION,
    author: 'ci',
    dedupKey: RUN,
    timestamp: new Date(Date.now() - 12 * 60_000).toISOString(),
    links: [
      { href: 'https://ci.acme-retail.example/builds/512', text: 'Build 512' },
    ],
  };
  const recorded = await curlDeploy(deploy);
  assert.equal(recorded.entityRef, 'component:default/auth-service');
  assert.equal(recorded.duplicate, false);
  // A retry of the same step records nothing new.
  assert.deepEqual(await curlDeploy(deploy), { ...recorded, duplicate: true });

  const response = await fetch(`${BACKEND}/api/itsm/incidents`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await guestToken()}`,
    },
    body: JSON.stringify({
      title: `Checkout logins fail with 401 ${RUN}`,
      description: 'Shoppers are sent back to sign-in when they pay.',
      entityRef: 'component:default/checkout-api',
      category: 'availability',
      impact: 1,
      urgency: 2,
    }),
  });
  assert.equal(response.status, 201);
  const incident = await response.json();

  await open(`/itsm/incidents/${incident.number}`);
  await recordHeading().getByText(RUN).waitFor();
  const card = page.getByRole('group', {
    name: `Change Deploy auth-service ${VERSION}`,
  });
  await card.waitFor();
  await card.getByText(/before detection/).waitFor();
  await card.getByText("On a dependency of the incident's entity:").waitFor();
  await card.getByRole('link', { name: /Auth Service|auth-service/ }).waitFor();
  await card.getByRole('link', { name: 'Build 512' }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot('incident-changes');
});

test('says how often the incidents of a demo problem followed a deploy', async () => {
  const token = await guestToken();
  const get = async path =>
    (
      await fetch(`${BACKEND}/api/itsm${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json();
  const problems = (await get('/problems?limit=50')).items;
  let best;
  for (const problem of problems) {
    const changes = await get(`/problems/${problem.number}/changes`);
    const top = changes.suspects[0];
    if (top && (!best || top.followedIncidents > best.top.followedIncidents)) {
      best = { problem, top };
    }
  }
  assert.ok(best, 'a demo problem whose incidents followed changes');
  await open(`/itsm/problems/${best.problem.number}`);
  const suspect = page.getByRole('group', {
    name: `Changes of ${best.top.entityRef}`,
  });
  await suspect
    .getByText(
      `${best.top.followedIncidents} of ${best.top.totalIncidents} incidents`,
    )
    .waitFor();
  await suspect.scrollIntoViewIfNeeded();
  await shot('problem-changes');
});

test("shows DORA figures and deploy markers on checkout-api's Reliability tab", async () => {
  await open('/catalog/default/component/checkout-api/reliability');
  await page.getByText('DORA', { exact: true }).waitFor();
  await page.getByText('Deployment frequency').waitFor();
  await page.getByText('Change failure rate').waitFor();
  await page.getByRole('img', { name: /^Deploys per week: / }).waitFor();
  await shot('entity-reliability-dora');
});
