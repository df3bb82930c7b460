// End-to-end: the worker writes the 通报 and its 领导版 as .docx (issue 21).
// The served worker is asked as the page asks it (ui::worker::report):
// the sample plan's November draft and leader sheets as JSON
// (tests/fixtures/report/, kept readable as the current types by
// report-docx's native tests) come back as Word files whose XML has the
// official page, and LibreOffice opens them. A draft that does not read
// is refused with a message in Chinese, and the worker still answers.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, browserSuite } from "./harness.mjs";

const suite = browserSuite({ viewport: { width: 1366, height: 900 } });
const fixture = (name) => readFileSync(join(ROOT, "tests/fixtures/report", name), "utf8");

/** Asks a fresh worker for each of `requests` ([kind, args]) in turn. */
async function askWorker(page, requests) {
  return page.evaluate(async (requests) => {
    const worker = new Worker("./excel-worker.js");
    const answers = [];
    for (const [i, [kind, args]] of requests.entries()) {
      const answer = await new Promise((resolve) => {
        worker.onmessage = (e) => e.data.id === i + 1 && resolve(e.data);
        worker.postMessage({ id: i + 1, kind, args });
      });
      answers.push(answer.error !== undefined ? { error: answer.error } : { bytes: Array.from(answer.ok) });
    }
    worker.terminate();
    return answers;
  }, requests);
}

/** A part of a .docx package as text. */
function part(file, name) {
  return execFileSync("unzip", ["-p", file, name], { encoding: "utf8" });
}

describe("the 通报 as a Word document", () => {
  test("the worker writes the report and the leaders' edition, and LibreOffice opens them", async () => {
    await suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/?today=2026-11-30`);
      const draft = fixture("draft-2026-11.json");
      const sheets = fixture("leaders-2026-11-30.json");
      const [report, leaders, bad, again] = await askWorker(page, [
        ["report_docx", [draft]],
        ["leaders_docx", [sheets]],
        ["report_docx", ["{\"title\": 1}"]],
        ["leaders_docx", [sheets]],
      ]);
      assert.equal(report.error, undefined, report.error);
      assert.equal(leaders.error, undefined, leaders.error);
      assert.match(bad.error, /^通报无法读取/);
      assert.equal(again.bytes.length, leaders.bytes.length, "the worker answers after a refusal");

      const dir = mkdtempSync(join(tmpdir(), "luoshi-docx-"));
      const reportFile = join(dir, "tongbao.docx");
      const leadersFile = join(dir, "lingdao.docx");
      writeFileSync(reportFile, Buffer.from(report.bytes));
      writeFileSync(leadersFile, Buffer.from(leaders.bytes));
      const document = part(reportFile, "word/document.xml");
      const title = JSON.parse(draft).title;
      assert.ok(document.includes(title), "the title");
      assert.ok(document.includes('<w:pgSz w:w="11906" w:h="16838" />'), "A4");
      assert.ok(document.includes('w:top="2098"') && document.includes('w:left="1587"'), "margins");
      assert.ok(part(reportFile, "word/styles.xml").includes('w:eastAsia="仿宋_GB2312"'), "body font");
      assert.ok(part(reportFile, "word/footer1.xml").includes("<w:instrText>PAGE</w:instrText>"), "page numbers");

      execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "txt:Text", "--outdir", dir, reportFile, leadersFile], {
        env: { ...process.env, HOME: dir },
        stdio: "pipe",
      });
      const text = readFileSync(join(dir, "tongbao.txt"), "utf8");
      assert.ok(text.includes(title), "LibreOffice reads the title");
      assert.ok(text.includes("一、总体情况"));
      for (const sheet of JSON.parse(sheets)) {
        assert.ok(readFileSync(join(dir, "lingdao.txt"), "utf8").includes(sheet.title), sheet.title);
      }
    });
  });
});
