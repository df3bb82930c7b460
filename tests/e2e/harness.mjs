// Shared pieces of the end-to-end tests: a static server for dist/ on
// loopback, Debian's Chromium driven by playwright-core, and a page wrapper
// that records console errors and any request leaving the page's origin.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { inflateSync } from "node:zlib";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = process.env.LUOSHI_DIST || join(ROOT, "dist");
export const MID_YEAR = "2026-06-30";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

/** Serves `DIST` on 127.0.0.1 at a free port; resolves to { origin, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const rel = normalize(path === "/" ? "/index.html" : path).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { "content-type": TYPES[extname(rel)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium with the flags this machine needs; Playwright gives
 *  every launch a fresh, empty user-data-dir. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A page that records console errors, page errors and foreign requests.
 *  `allowed(url)` says which request URLs count as the page's own. */
export async function watchedPage(context, allowed) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!allowed(url) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request left the origin: ${url}`);
    }
  });
  return { page, problems };
}

/** Waits until the app has rendered its ledger or its data panel. */
export async function appReady(page) {
  await page.waitForSelector("[data-testid='ledger'], [data-testid='damage-panel']", { timeout: 20000 });
}

export async function testIdText(page, id) {
  return (await page.locator(`[data-testid='${id}']`).first().textContent()) ?? "";
}

/** The text of a recovery copy as stored by src/store/codec.rs: either
 *  plain, or "luoshi-zlib-1:<bytes>:" followed by 15 bits per character
 *  (U+3400 + value) of zlib data. Decoded independently of the app, so a
 *  copy that the app could read but no one else could would fail here. */
export function unpackCopy(stored) {
  const PREFIX = "luoshi-zlib-1:";
  if (!stored.startsWith(PREFIX)) return stored;
  const rest = stored.slice(PREFIX.length);
  const colon = rest.indexOf(":");
  const len = Number(rest.slice(0, colon));
  const bytes = Buffer.alloc(len);
  let acc = 0;
  let nbits = 0;
  let k = 0;
  for (const ch of rest.slice(colon + 1)) {
    acc = (acc << 15) | (ch.codePointAt(0) - 0x3400);
    nbits += 15;
    while (nbits >= 8 && k < len) {
      nbits -= 8;
      bytes[k++] = (acc >> nbits) & 0xff;
    }
    acc &= (1 << nbits) - 1;
  }
  return inflateSync(bytes).toString("utf8");
}

/** The plan text of a value stored under a plan's key
 *  (src/store/stored.rs): "luoshi-plan-1;<stamp>;" then the packed text;
 *  values written by older versions are plain (or packed without a stamp).
 *  `null` stays `null`. */
export function unpackStored(stored) {
  if (stored == null) return null;
  const PREFIX = "luoshi-plan-1;";
  if (!stored.startsWith(PREFIX)) return unpackCopy(stored);
  const rest = stored.slice(PREFIX.length);
  return unpackCopy(rest.slice(rest.indexOf(";") + 1));
}

/** The plan text stored under `key` now, unpacked (`null` when unset). */
export async function storedText(page, key = "luoshi.plan") {
  return unpackStored(await page.evaluate((k) => localStorage.getItem(k), key));
}

/** The plan document stored under `key` now, parsed (`null` when unset). */
export async function storedPlan(page, key = "luoshi.plan") {
  const text = await storedText(page, key);
  return text == null ? null : JSON.parse(text);
}

/** Waits until the plan document under `key` (parsed, or `null`) satisfies
 *  `test`; returns it. Polled from here, since unpacking happens here. */
export async function waitForStored(page, test, key = "luoshi.plan", timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    let doc = null;
    try {
      doc = await storedPlan(page, key);
    } catch {
      doc = undefined; // half-written or unreadable: look again
    }
    if (doc !== undefined && test(doc)) return doc;
    if (Date.now() > end) throw new Error(`stored plan under ${key} never matched: ${test}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every recovery copy in the page's storage, unpacked, oldest first. */
export async function recoveryCopies(page) {
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("luoshi.recovered."))
      .sort()
      .map((k) => localStorage.getItem(k)),
  );
  return stored.map(unpackCopy);
}

/** Clicks `testid`, then the confirmation dialog's "go ahead" button. */
export async function clickConfirmed(page, testid) {
  await page.click(`[data-testid='${testid}']`);
  await page.click("[data-testid='confirm-ok']");
}

/** Fills what is left of the origin's storage quota with filler keys. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    const chunk = "x".repeat(256 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        let size = chunk.length;
        while (size > 1) {
          size = Math.floor(size / 2);
          try {
            localStorage.setItem(`filler.${i}.${size}`, "x".repeat(size));
          } catch {}
        }
        return;
      }
    }
  });
}

/** A plan envelope of about `count` tasks at the sample's density: the
 *  sample's tasks (as stored by the app) repeated with fresh ids. */
export function largePlan(sampleEnvelope, count) {
  const env = structuredClone(sampleEnvelope);
  const base = env.plan.tasks;
  const tasks = [];
  for (let copy = 0; tasks.length < count; copy++) {
    for (const t of base) {
      if (tasks.length >= count) break;
      const c = structuredClone(t);
      c.id = `${t.id}-${copy}`;
      if (c.parent) c.parent = `${c.parent}-${copy}`;
      c.order += copy * 100;
      tasks.push(c);
    }
  }
  // Children cut off at the end would point at nothing; make them roots.
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) if (t.parent && !ids.has(t.parent)) t.parent = null;
  env.plan.tasks = tasks;
  env.plan.sample = false;
  env.plan.title = `${count}项任务的计划`;
  return env;
}

/** A test file's browser and server, started before its tests and closed
 *  after them, and `withPage(body)`: a fresh context (empty storage) with a
 *  watched page, asserting afterwards that nothing was logged as an error
 *  and nothing was requested from outside the page's origin. */
export function browserSuite(contextOptions = {}) {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  suite.origin = () => suite.server.origin;
  suite.withPage = async (body) => {
    const context = await suite.browser.newContext(contextOptions);
    const { page, problems } = await watchedPage(context, (url) => url.startsWith(suite.server.origin + "/"));
    try {
      await body(page, context);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], "console errors or foreign requests");
  };
  return suite;
}

/** Saves a screenshot of `page` as target/screenshots/<name>.png, to be
 *  looked at after a run (the ones looked at are kept in docs/screenshots). */
export async function screenshot(page, name, options = {}) {
  const dir = join(ROOT, "target", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), ...options });
}
