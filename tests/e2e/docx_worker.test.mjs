// End-to-end: the 工作要点 reader in the worker (excel-worker/src/breakdown.rs),
// asked directly as the page's wrappers (src/ui/worker/breakdown.rs) ask it:
// a Word document saved by LibreOffice, whose 一、（一）1. are Word's automatic
// numbering, is read from the File by the worker script (as bytes) into a
// proposal; the proposal becomes a plan; pasted text is read; an old .doc
// and a plain-text file named .docx are refused with their messages.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, browserSuite } from "./harness.mjs";

const suite = browserSuite();
const docx = readFileSync(join(ROOT, "tests/fixtures/breakdown/libreoffice-numbered-2026.docx"));
const registry = JSON.stringify([
  { id: "zzb", name: "区委组织部", short_name: "组织部", kind: "party_department", leader: "" },
]);

/** Runs `requests` ({ kind, args }, a { file: [bytes, name] } argument
 *  standing for a File) through a fresh worker; resolves to the answers
 *  ({ ok } or { error }). */
async function ask(page, requests) {
  return page.evaluate(async (requests) => {
    const worker = new Worker("./excel-worker.js");
    const answers = [];
    try {
      for (const [i, r] of requests.entries()) {
        const args = r.args.map((a) => (a && a.file ? new File([new Uint8Array(a.file[0])], a.file[1]) : a));
        answers.push(
          await new Promise((resolve) => {
            worker.onmessage = (e) => e.data.id === i && resolve({ ok: e.data.ok, error: e.data.error });
            worker.postMessage({ id: i, kind: r.kind, args });
          }),
        );
      }
    } finally {
      worker.terminate();
    }
    return answers;
  }, requests);
}

describe("工作要点 reader in the worker", () => {
  test("a .docx with Word numbering becomes a proposal and a plan; .doc is refused", async () => {
    await suite.withPage(async (page) => {
      await page.goto(`${suite.origin()}/`);
      const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
      const [read, pasted, old, renamed] = await ask(page, [
        { kind: "breakdown_read", args: [{ file: [[...docx], "2026年工作要点.docx"] }, "2026年工作要点.docx", registry, 2025] },
        { kind: "breakdown_text", args: ["2026年要点\n一、党建\n1. 深入学习（区委组织部牵头，3月底前）", registry, 2025] },
        { kind: "breakdown_read", args: [{ file: [ole, "要点.doc"] }, "要点.doc", registry, 2025] },
        { kind: "breakdown_read", args: [{ file: [[...Buffer.from("一、党建")], "要点.docx"] }, "要点.docx", registry, 2025] },
      ]);
      assert.equal(read.error, undefined);
      const proposal = JSON.parse(read.ok);
      assert.equal(proposal.year, 2026);
      assert.deepEqual(
        proposal.nodes.map((n) => `${n.level} ${n.number} ${n.title}`).slice(0, 4),
        ["area 一 党的建设", "group （一） 加强党的政治建设", "item 1 深入学习贯彻党的二十大精神", "item 2 严格执行重大事项请示报告制度"],
      );
      assert.equal(proposal.nodes[2].lead.unit_id, "zzb");
      assert.equal(proposal.nodes[2].due, "2026-03-31");

      const [plan] = await ask(page, [{ kind: "breakdown_plan", args: [read.ok, registry, "2026-12-07T09:00:00Z"] }]);
      assert.equal(plan.error, undefined);
      const made = JSON.parse(plan.ok);
      assert.equal(made.year, 2026);
      assert.equal(made.tasks.length, 3 + 4);
      assert.deepEqual(made.areas.map((a) => a.name), ["党的建设", "民生保障"]);

      assert.equal(JSON.parse(pasted.ok).nodes.length, 2);
      assert.equal(old.error, "这是旧版 Word（.doc）或 WPS（.wps）格式，请在 Word 或 WPS 中“另存为” .docx 后再选择");
      assert.match(renamed.error, /^不是有效的 \.docx 文件/);
    });
  });
});
