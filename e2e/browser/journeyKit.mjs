// What the browser journeys share: where the app and backend run, the
// screenshot folder, Chromium, the guest sign-in and the backend calls made
// as the guest or as Alertmanager. Not a suite itself: run-e2e.sh runs only
// *.e2e.mjs files.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const APP = process.env.ITSM_E2E_APP_URL ?? 'http://localhost:3000';
export const BACKEND =
  process.env.ITSM_E2E_BACKEND_URL ?? 'http://localhost:7007';
const ALERT_TOKEN =
  process.env.ITSM_E2E_ALERT_TOKEN ?? 'itsm-demo-alertmanager-token';
export const SHOTS = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'screenshots',
);

/** Creates the screenshot folder and starts headless Chromium. */
export async function launchBrowser() {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
}

/** A page in its own browser context, sized for the screenshots. */
export async function newJourneyPage(browser) {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(30_000);
  return page;
}

/** Opens a path of the app in `target`, signing in as the guest if asked. */
export async function visit(target, path) {
  await target.goto(`${APP}${path}`);
  // The guest sign-in page shows once per browser session.
  const enter = target.getByRole('button', { name: /^enter$/i });
  const signedOut = await enter
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (signedOut) {
    await enter.click();
  }
}

/** The heading of an incident or problem page. */
export function recordHeading(target) {
  return target.getByRole('heading', { name: /^(INC|PRB)-\d{6} · / });
}

/** The guest's token, as the app gets it. */
export async function guestToken() {
  const session = await (
    await fetch(`${BACKEND}/api/auth/guest/refresh`)
  ).json();
  return session.backstageIdentity.token;
}

/** Posts firing alerts to the Alertmanager webhook as Alertmanager does. */
export function sendFiringAlerts(groupKey, alerts) {
  return fetch(`${BACKEND}/api/itsm/alerts/alertmanager`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${ALERT_TOKEN}`,
    },
    body: JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'itsm',
      groupKey,
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://alertmanager.local',
      alerts,
    }),
  });
}

/**
 * The steps of a journey on one page: a full-page screenshot once the network
 * is idle, opening a path signed in, and the record heading. `getPage` is
 * called at each step, as the page is made in `before`.
 */
export function pageSteps(getPage) {
  return {
    async shot(name) {
      const page = getPage();
      await page.waitForLoadState('networkidle');
      await page.screenshot({
        path: join(SHOTS, `${name}.png`),
        fullPage: true,
      });
    },
    open: path => visit(getPage(), path),
    recordHeading: () => recordHeading(getPage()),
  };
}
