// Time to the first settled picture of an explorer page in Debian's headless
// Chromium: milliseconds from the start of navigation to the end of the first
// layout (window.aikgExplorer.firstSettled), then the frame rate of a pan.
// Usage: node tools/bench_explorer.mjs URL [SCREENSHOT.png]  ->  one JSON line on stdout.
// Uses puppeteer-core from tests/browser/node_modules (tools/setup.sh --with-tests).
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const puppeteer = require('puppeteer-core');

const browser = await puppeteer.launch({
  executablePath: process.env.AIKG_CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--no-first-run', '--window-size=1400,900'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(process.argv[2], { waitUntil: 'load', timeout: 300000 });
  await page.waitForFunction(() => window.aikgExplorer && window.aikgExplorer.firstSettled, { timeout: 300000, polling: 50 });
  const result = await page.evaluate(async () => {
    const cy = aikgExplorer.cy;
    // A one-second pan, one step per animation frame: frames drawn per second.
    const start = performance.now();
    let frames = 0;
    await new Promise((done) => {
      const step = () => {
        cy.panBy({ x: 2, y: 1 });
        frames++;
        if (performance.now() - start < 1000) requestAnimationFrame(step); else done();
      };
      requestAnimationFrame(step);
    });
    return { settled_ms: Math.round(aikgExplorer.firstSettled), pan_fps: Math.round(frames * 1000 / (performance.now() - start)),
      nodes: cy.nodes().length, edges: cy.edges().length };
  });
  if (process.argv[3]) await page.screenshot({ path: process.argv[3] });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
