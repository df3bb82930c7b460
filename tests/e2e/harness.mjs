// Shared pieces of the end-to-end tests: a static server for dist/ on
// loopback, Debian's Chromium driven by playwright-core, and a page wrapper
// that records console errors and any request leaving the page's origin.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

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
