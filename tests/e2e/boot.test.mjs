// End-to-end: when the app cannot start, the page says so in Chinese
// within seconds — what happened, which browsers work, and to switch a
// 国产浏览器 to 极速模式 — instead of a loading note that never ends
// (issue 11). Tested by deleting WebAssembly before the page loads and by
// making the browser refuse the module; and, for the single file too.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, MID_YEAR, browserSuite } from "./harness.mjs";

const suite = browserSuite({ viewport: { width: 1280, height: 720 } });

/** Opens `url` in a fresh page prepared by `before` (run ahead of the
 *  page's scripts); returns the failure's text and how long it took. */
async function failing(url, before) {
  const context = await suite.browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(before);
    const start = Date.now();
    await page.goto(url);
    await page.waitForSelector("[data-testid='boot-failure']", { timeout: 8000 });
    const text = await page.locator("[data-testid='boot-failure']").textContent();
    assert.equal(await page.locator("[data-testid='ledger']").count(), 0);
    return { text, ms: Date.now() - start };
  } finally {
    await context.close();
  }
}

const withoutWasm = () => {
  delete window.WebAssembly;
};
const refusing = () => {
  const no = () => Promise.reject(new Error("模拟：浏览器拒绝了此模块"));
  WebAssembly.instantiate = no;
  WebAssembly.instantiateStreaming = no;
  WebAssembly.compile = no;
  WebAssembly.compileStreaming = no;
};

describe("a start that cannot happen", () => {
  test("no WebAssembly: a message at once, naming the browsers that work and 极速模式", async () => {
    const { text, ms } = await failing(`${suite.origin()}/?today=${MID_YEAR}`, withoutWasm);
    assert.match(text, /无法在此浏览器中启动/);
    assert.match(text, /不支持 WebAssembly/);
    assert.match(text, /Chrome 或 Edge 86 及以上/);
    assert.match(text, /极速模式/);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  test("a refused module: the message says so, with what the browser said", async () => {
    const { text } = await failing(`${suite.origin()}/?today=${MID_YEAR}`, refusing);
    assert.match(text, /程序代码未能加载，或启动时出错/);
    assert.match(text, /技术信息：.*模拟：浏览器拒绝了此模块/);
  });

  test("the single file opened from file:// says so too", async () => {
    const file = pathToFileURL(join(DIST, "luoshi.html")).href;
    const { text } = await failing(`${file}?today=${MID_YEAR}`, refusing);
    assert.match(text, /程序代码未能加载，或启动时出错/);
  });
});
