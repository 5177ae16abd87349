// End-to-end check of SCIM Pilot in the Microsoft 365 Agents Playground, driven in headless Debian Chromium
// with playwright-core. Asserts what a user sees: the welcome card on install, `help`, and a card round trip
// through an Action.Execute button. Prints one JSON line with the result; exits non-zero on failure.
//
//   PLAYGROUND_URL=http://localhost:56150 SCREENSHOT_DIR=target/e2e node src/test/node/e2e/playground-e2e.js
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const url = process.env.PLAYGROUND_URL || 'http://localhost:56150';
const shots = process.env.SCREENSHOT_DIR || path.join('target', 'e2e');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'scimpilot-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const seen = {};
  const page = context.pages()[0] || await context.newPage();
  try {
    // Nothing outside this machine: the UI's web fonts fail fast instead of hanging.
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, r => r.abort());
    await page.goto(url);
    const composer = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await composer.waitFor({ timeout: 60000 });
    const cards = page.locator('.ac-adaptiveCard');

    // 1. The welcome card, sent on install.
    await expectText(cards.last(), "I'm SCIM Pilot", 30000);
    seen.welcome = await cards.last().innerText();
    await page.screenshot({ path: path.join(shots, '01-welcome.png'), fullPage: true });

    // 2. help lists the commands.
    const before = await cards.count();
    await send(composer, 'help');
    await waitForCount(cards, before + 1);
    const help = cards.last();
    await expectText(help, 'onboard client [name]', 15000);
    await expectText(help, 'check provisioning [client|all]', 1000);
    seen.help = await help.innerText();
    await page.screenshot({ path: path.join(shots, '02-help.png'), fullPage: true });

    // 3. A card round trip through Action.Execute: open the onboarding form, press Cancel, the card is replaced.
    const beforeForm = await cards.count();
    await send(composer, 'onboard client Brennwald + Heilig AG');
    await waitForCount(cards, beforeForm + 1);
    const form = cards.last();
    await expectText(form, 'Onboard a client to NinjaOne SCIM', 15000);
    seen.formInputs = await form.locator('input.fui-Input__input').count();
    await page.screenshot({ path: path.join(shots, '03-onboard-form.png'), fullPage: true });
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expectText(cards.last(), 'Onboarding cancelled', 15000);
    seen.afterCancel = await cards.last().innerText();
    await page.screenshot({ path: path.join(shots, '04-cancelled.png'), fullPage: true });

    // 4. A whole onboarding of the clean sandbox tenant: form → preflight → plan → Approve → result.
    if (process.env.SCIM_URL && process.env.SCIM_TOKEN) {
      const beforeOnboard = await cards.count();
      await send(composer, 'onboard client Brennwald + Heilig AG');
      await waitForCount(cards, beforeOnboard + 1);
      const onboardForm = cards.last();
      await expectText(onboardForm, 'Onboard a client to NinjaOne SCIM', 15000);
      await onboardForm.locator('input[aria-label^="e.g. brennwald-heilig.ch"]').fill('brennwald-heilig.ch');
      await onboardForm.locator('input[aria-label^="https://eu.ninjarmm.com"]').fill(process.env.SCIM_URL);
      await onboardForm.locator('input[aria-label^="Paste the token"]').fill(process.env.SCIM_TOKEN);
      await onboardForm.getByRole('button', { name: 'Check tenant and plan' }).click();
      await expectAnyCard(cards, 'Onboarding request received', 30000);
      const plan = await expectAnyCard(cards, 'Waiting for approval', 60000);
      seen.plan = await plan.innerText();
      await page.screenshot({ path: path.join(shots, '05-plan.png'), fullPage: true });
      await plan.getByRole('button', { name: 'Approve' }).click();
      const result = await expectAnyCard(cards, 'Onboard client succeeded', 90000);
      seen.result = await result.innerText();
      seen.progress = await (await expectAnyCard(cards, 'Done ·', 10000)).innerText();
      await page.screenshot({ path: path.join(shots, '06-result.png'), fullPage: true });
      seen.tokenShown = (await page.content()).includes(process.env.SCIM_TOKEN);
    }

    console.log(JSON.stringify({ ok: true, seen }));
  } catch (e) {
    await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

async function send(composer, text) {
  await composer.click();
  await composer.fill(text);
  await composer.press('Enter');
}

async function waitForCount(locator, n, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await locator.count() >= n) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`expected at least ${n} cards, saw ${await locator.count()}`);
}

/** The newest card that contains text (proactive cards may arrive in any order). */
async function expectAnyCard(cards, text, timeout) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const n = await cards.count();
    for (let i = n - 1; i >= 0; i--) {
      const t = (await cards.nth(i).innerText().catch(() => '')) || '';
      if (t.includes(text)) return cards.nth(i);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`no card with "${text}" appeared`);
}

async function expectText(locator, text, timeout) {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = (await locator.innerText().catch(() => '')) || '';
    if (last.includes(text)) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`expected "${text}" in the card, saw: ${last.slice(0, 400)}`);
}

main().catch(e => {
  console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) }));
  process.exit(1);
});
