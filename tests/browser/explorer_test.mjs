// Opens the explorer page in Debian's headless Chromium (puppeteer-core over
// the DevTools protocol) and checks it against `aikg export json` of the same
// selection. Usage: node explorer_test.mjs URL EXPECTED.json SCREENSHOT.png
// URL is the exported file (file://...) or the served page (http://...).
// Prints "ok" and exits 0, or names what failed and exits 1.
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';

const [url, expectedPath, screenshot] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const served = url.startsWith('http');
const fail = (what) => { throw new Error(what); };
const expectEq = (got, want, what) => { if (got !== want) fail(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`); };

const browser = await puppeteer.launch({
  executablePath: process.env.AIKG_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--window-size=1400,900'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A hostile name that ran would set window.__pwned, or open a dialog.
  page.on('dialog', async (d) => { errors.push('dialog opened: ' + d.message()); await d.dismiss(); });
  await page.goto(url, { waitUntil: 'load' });
  const settled = () => page.waitForFunction(() => window.aikgExplorer && window.aikgExplorer.ready, { timeout: 15000 });
  await settled();

  // Counts: every node and edge of `aikg export json` is in the page.
  const drawn = await page.evaluate(() => ({ nodes: aikgExplorer.cy.nodes().length, edges: aikgExplorer.cy.edges().length }));
  expectEq(drawn.nodes, expected.nodes.length, 'nodes drawn');
  expectEq(drawn.edges, expected.edges.length, 'edges drawn');
  const rivals = expected.edges.filter((e) => e.type === 'competition').length;
  const shown = () => page.evaluate(() => ({ ...aikgExplorer.shown, text: document.getElementById('counts').textContent }));
  let s = await shown();
  expectEq(s.edges, expected.edges.length - rivals, 'edges shown (competition starts hidden)');
  if (!s.text.includes(`${s.edges} of ${expected.edges.length} relations`)) fail(`counts line: ${s.text}`);
  if (rivals > 0) {
    await page.click('#show-competition');
    expectEq((await shown()).edges, expected.edges.length, 'edges shown with competition');
  }

  // A type filter hides exactly the edges of that type.
  const type = 'mou';
  const ofType = expected.edges.filter((e) => e.type === type).length;
  if (ofType === 0) fail('fixture has no mou relation');
  const before = (await shown()).edges;
  await page.click(`input[data-type="${type}"]`);
  expectEq((await shown()).edges, before - ofType, `edges shown without ${type}`);
  const leftOfType = await page.evaluate((t) => aikgExplorer.cy.edges().not('.hidden')
    .filter((e) => e.data('type') === t).length, type);
  expectEq(leftOfType, 0, 'visible edges of a hidden type');
  await page.click(`input[data-type="${type}"]`);
  expectEq((await shown()).edges, before, `edges shown with ${type} again`);

  // Search by a Korean alias finds the organisation (OpenAI is 오픈AI in the gazetteer).
  await page.type('#search', '오픈AI');
  await page.waitForFunction(() => [...document.querySelectorAll('#results li')].some((li) => li.textContent.startsWith('OpenAI (')), { timeout: 5000 });

  // Clicking it focuses the page on it; a real mouse click on one of its
  // edges shows that edge's evidence sentences, dates and article link.
  await page.evaluate(() => [...document.querySelectorAll('#results li')].find((li) => li.textContent.startsWith('OpenAI (')).click());
  await page.waitForFunction(() => document.getElementById('focus-name').textContent === 'OpenAI', { timeout: 5000 });
  await settled();
  const openai = expected.nodes.find((n) => n.name === 'OpenAI').id;
  const candidates = expected.edges.filter((e) => (e.source === openai || e.target === openai) && e.evidence.length > 0);
  await clickEdge(page, candidates.map((e) => `r${e.key}`));
  await page.waitForFunction(() => document.querySelector('#details .evidence'), { timeout: 5000 });
  // The edge the click hit (a parallel one may lie under the pointer): one of
  // OpenAI's, with its own evidence.
  const hit = await page.evaluate(() => aikgExplorer.edgeShown);
  const edge = candidates.find((e) => `r${e.key}` === hit);
  if (!edge) fail(`the click showed ${hit}, not an edge of OpenAI`);
  const details = await page.evaluate(() => ({
    sentences: [...document.querySelectorAll('#details .evidence .sentence')].map((d) => d.textContent),
    meta: [...document.querySelectorAll('#details .evidence .meta')].map((d) => d.textContent),
    links: [...document.querySelectorAll('#details .evidence a')].map((a) => a.href),
  }));
  expectEq(details.sentences.length, edge.evidence.length, 'evidence sentences shown');
  for (const ev of edge.evidence) {
    if (!details.sentences.includes(`\u201C${ev.sentence}\u201D`)) fail(`evidence not shown: ${ev.sentence}`);
    if (ev.date && !details.meta.some((m) => m.startsWith(ev.date))) fail(`date not shown: ${ev.date}`);
    if (ev.url && !details.links.includes(new URL(ev.url).href)) fail(`link not shown: ${ev.url}`);
  }

  // A real click on OpenAI lists its neighbours and its relations in date order.
  const mine = expected.edges.filter((e) => e.source === openai || e.target === openai);
  const others = new Set(mine.map((e) => (e.source === openai ? e.target : e.source)));
  const at = await page.evaluate((id) => {
    const n = aikgExplorer.cy.getElementById(id);
    const p = n.renderedPosition();
    const box = aikgExplorer.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, openai);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction((n) => [...document.querySelectorAll('#details h2')].some((h) => h.textContent === `neighbours (${n})`),
    { timeout: 5000 }, others.size).catch(() => fail(`OpenAI's panel does not list ${others.size} neighbours`));
  const timeline = await page.evaluate(() => [...document.querySelectorAll('#details ul.timeline')][1].children.length);
  expectEq(timeline, mine.length, "OpenAI's timeline entries");

  // A date range keeps the relations whose evidence dates overlap it.
  const from = '2025-01-01';
  const dated = expected.edges.filter((e) => e.last_seen && e.last_seen >= from).map((e) => e.key);
  await page.click('#clear-focus');
  await settled();
  await page.$eval('#date-from', (input, value) => { input.value = value; input.dispatchEvent(new Event('change')); }, from);
  expectEq((await shown()).edges, dated.length, `edges shown from ${from}`);
  if (dated.length === 0 || dated.length === expected.edges.length) fail('the date filter test needs dates on both sides');
  await page.$eval('#date-from', (input) => { input.value = ''; input.dispatchEvent(new Event('change')); });
  expectEq((await shown()).edges, expected.edges.length, 'edges shown without a date range');
  await page.evaluate(() => [...document.querySelectorAll('#results li')].find((li) => li.textContent.startsWith('OpenAI (')).click());
  await settled();

  // Depth 2 reaches further than depth 1.
  const depth1 = (await shown()).nodes;
  await page.select('#depth', '2');
  await page.waitForFunction((n) => aikgExplorer.shown.nodes > n, { timeout: 5000 }, depth1)
    .catch(async () => fail(`depth 2 shows no more than depth 1 (${depth1}): ${JSON.stringify(await shown())}`));
  await settled();

  // A hostile name is text: searching finds it, clicking shows it, nothing ran.
  const hostile = expected.nodes.find((n) => n.name.includes('</script>'));
  if (!hostile) fail('fixture has no hostile name');
  await page.click('#search', { clickCount: 3 });
  await page.type('#search', 'script');
  const found = (name) => [...document.querySelectorAll('#results li')].find((li) => li.textContent.startsWith(name + ' ('));
  await page.waitForFunction(`(${found})(${JSON.stringify(hostile.name)})`, { timeout: 5000 })
    .catch(() => fail('hostile name not found as text by search'));
  await page.evaluate(`(${found})(${JSON.stringify(hostile.name)}).click()`);
  await settled();
  const hostileEdge = expected.edges.find((e) => e.source === hostile.id || e.target === hostile.id);
  await page.evaluate((id) => aikgExplorer.cy.getElementById(id).emit('tap'), `r${hostileEdge.key}`);
  await page.waitForFunction((name) => document.querySelector('#details .evidence') &&
    document.querySelector('#details h3').textContent.includes(name), { timeout: 5000 }, hostile.name);
  const safe = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: document.querySelectorAll('img, svg, iframe, object, embed').length,
    scripts: document.querySelectorAll('script').length,
    badLinks: [...document.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.href)).length,
    heading: document.querySelector('#details h3').textContent,
  }));
  expectEq(safe.pwned, undefined, 'hostile code ran (window.__pwned set)');
  expectEq(safe.injected, 0, 'markup from the data became elements');
  expectEq(safe.scripts, 3, 'script elements (data, Cytoscape, explorer)');
  expectEq(safe.badLinks, 0, 'links that are not http(s)');
  if (!safe.heading.includes(hostile.name)) fail(`hostile name not shown as text: ${safe.heading}`);

  await page.click('#clear-focus');
  await settled();
  await page.screenshot({ path: screenshot });
  if (errors.length) fail('page errors: ' + errors.join('; '));
  console.log(`ok ${served ? 'served' : 'file'}: ${drawn.nodes} nodes, ${drawn.edges} edges`);
} finally {
  await browser.close();
}

// A real mouse click on the middle of the first of `edges` (ids) that the
// renderer would pick there (no node or other edge on top), after zooming to it.
async function clickEdge(page, edges) {
  const at = await page.evaluate((ids) => {
    const cy = aikgExplorer.cy;
    for (const id of ids) {
      const e = cy.getElementById(id);
      if (e.empty() || e.hasClass('hidden')) continue;
      cy.fit(e, 150);
      const m = e.renderedMidpoint();
      // What the renderer would pick at that point (model coordinates): the
      // edge itself, not a node or a parallel edge.
      const p = e.midpoint();
      if (cy.renderer().findNearestElement(p.x, p.y, true, false) !== e[0]) continue;
      const box = cy.container().getBoundingClientRect();
      return { id, x: box.left + m.x, y: box.top + m.y };
    }
    return null;
  }, edges);
  if (!at) fail(`none of ${edges.length} edges can be clicked clear of a node`);
  await page.mouse.click(at.x, at.y);
}
