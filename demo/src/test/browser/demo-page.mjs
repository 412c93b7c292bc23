// Drives the demo page in headless Chromium as a person would: opens /demo, uploads with plain HTTP
// PUTs (curl -T in the README), and waits for each upload's row to show its outcome in words.
// Usage: node demo-page.mjs PAGE_URL STORE_URL DIR  (DIR holds cat.png, notes.jpg, UPPER.JPG)
// Prints one line per check; exits 1 on the first that fails.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [pageUrl, storeUrl, dir] = process.argv.slice(2);
// a fresh profile each run (Playwright takes it as the persistent context's directory)
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tributary-chromium-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pageUrl);
  await page.getByText('nothing uploaded yet').waitFor({ timeout: 10000 });
  console.log('ok empty page');

  const upload = async (name, type) => {
    const response = await fetch(`${storeUrl}/uploads/${name}`, {
      method: 'PUT', body: readFileSync(join(dir, name)), headers: { 'content-type': type },
    });
    if (!response.ok) throw new Error(`PUT ${name}: ${response.status}`);
  };
  const row = (key) => page.locator(`.upload[data-key="${key}"]`);

  await upload('cat.png', 'image/png');
  await row('cat.png').locator('.outcome.written').waitFor({ timeout: 60000 });
  const written = await row('cat.png').innerText();
  for (const expected of ['written: thumbnails/cat.png (300x200)', 'stored', 'notification', 'SQS', 'gateway', 'function', 'event DEMO']) {
    if (!written.includes(expected)) throw new Error(`cat.png row lacks "${expected}": ${written}`);
  }
  await page.waitForFunction(() => {
    const img = document.querySelector('.upload[data-key="cat.png"] img');
    return img && img.complete && img.naturalWidth === 300;
  }, null, { timeout: 10000 });
  console.log('ok written, with its stages and its 300 px thumbnail');

  await upload('notes.jpg', 'image/jpeg');
  await row('notes.jpg').locator('.outcome', { hasText: 'skipped: not an image' }).waitFor({ timeout: 60000 });
  console.log('ok skip reason: ' + (await row('notes.jpg').locator('.outcome').innerText()));

  await upload('UPPER.JPG', 'image/jpeg');
  await row('UPPER.JPG').locator('.outcome', { hasText: 'matched no route' }).waitFor({ timeout: 60000 });
  console.log('ok no route: ' + (await row('UPPER.JPG').locator('.outcome').innerText()));

  const keys = await page.locator('.upload').evaluateAll((rows) => rows.map((r) => r.dataset.key));
  if (keys.join(',') !== 'UPPER.JPG,notes.jpg,cat.png') throw new Error(`not newest first: ${keys}`);
  console.log('ok newest first');

  // 3 uploads and cat.png's thumbnail (which no route takes); 2 delivered to the function, 1 to the journal
  await page.getByText('received 4 · delivered 3 · retried 0 · dead-lettered 0').waitFor({ timeout: 10000 });
  console.log('ok counts: ' + (await page.locator('#counts').innerText()));

  const originals = requests.filter((url) => url.startsWith(storeUrl) && !url.includes('/thumbnails/'));
  if (originals.length > 0) throw new Error(`the page downloaded originals: ${originals}`);
  console.log('ok no originals downloaded');
} catch (e) {
  failed = true;
  console.log('FAILED ' + e.message);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
