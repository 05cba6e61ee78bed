// The installed package in Node.js: initSync with the .wasm bytes, then every export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  initSync, builtinFrameworks, builtinFramework, validateFramework, score, aggregate,
  radarSvg, chartFromScore, chartFromAggregate, encodeResponse, decodeResponse,
  responsesToCsv, responsesFromCsv, textAlternative, shareCode, comments, commentsToCsv,
  frameworkFromSheet, frameworkTemplate, frameworkFromScript, importResponses, surveyMapping,
} from "foundations-check";

const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve("foundations-check/foundations_check_bg.wasm")) });

const fw = builtinFramework("place-based-partnership");
const items = fw.foundations.flatMap((f) => f.items.map((i) => i.id));
const response = (v, sector) => ({
  framework: fw.id, version: fw.version,
  answers: Object.fromEntries(items.map((id) => [id, v])),
  respondent: { sector },
});

test("lists and loads the built-in framework", () => {
  assert.deepEqual(builtinFrameworks(), [{ id: "place-based-partnership", title: "Foundations for place-based partnership", version: "1.0.0" }]);
  assert.equal(fw.foundations.length, 8);
  assert.equal(validateFramework(fw).ok, true);
  const bad = validateFramework({ ...fw, foundations: [] });
  assert.deepEqual(bad.errors, [{ path: "foundations", message: "must have at least one foundation" }]);
});

test("scores a response", () => {
  const r = score(fw, response(5, "nhs-trust"));
  // Every answer 5; the reverse statement turns 5 into 1: relationships (5+1+5)/3,
  // (11/3 - 1) / 4 × 100 = 200/3 exactly, given as the nearest number.
  assert.equal(r.foundations[0].percent, 100);
  assert.equal(r.foundations[2].percent, 200 / 3);
  assert.equal(r.overall.band, "thriving");
});

test("aggregates, charts, codes and CSV", () => {
  const rs = [response(4, "nhs-trust"), response(2, "nhs-trust"), response(3, "nhs-trust")];
  for (const r of rs) r.answers["governance-1"] = 1;
  const agg = aggregate(fw, rs, { groupBy: "sector" });
  assert.equal(agg.respondents, 3);
  assert.equal(agg.foundations[0].median, 50);
  const chart = chartFromAggregate(fw, agg);
  assert.match(radarSvg(chart), /^<svg /);
  assert.match(textAlternative(chart).summary, /Highest .*, lowest Governance/);
  assert.equal(chartFromScore(fw, score(fw, rs[0])).series[0].values[0], 75);
  const code = encodeResponse(fw, rs[0]);
  assert.match(code, /^[A-Za-z0-9_-]{20,40}$/);
  assert.deepEqual(decodeResponse(fw, code).answers, rs[0].answers);
  const csv = responsesToCsv(fw, rs);
  assert.equal(responsesFromCsv(fw, csv).length, 3);
});

test("failures throw Errors that name the path", () => {
  assert.throws(() => score(fw, { ...response(4), answers: { "purpose-1": 9 } }), (e) => e instanceof Error && /answers\.purpose-1: 9 is outside the scale/.test(e.message));
  assert.throws(() => decodeResponse(fw, "not a code!"), /share code/);
  assert.throws(() => builtinFramework("nope"), /not a built-in framework/);
});

test("a foundation's own scale and comments: scored, shared, listed", () => {
  const own = structuredClone(fw);
  own.id = "own";
  own.foundations[0].scale = { min: 0, max: 10, labels: [...Array(11).keys()].map(String) };
  own.foundations[0].comment = { prompt: "What would help?", maxLength: 200 };
  const people = [7, 8, 9].map((v) => ({
    framework: "own", version: own.version,
    answers: { "purpose-1": v, "purpose-2": v, "purpose-3": v },
    comments: { purpose: `=cmd ${v}` },
  }));
  // 7, 8, 9 on 0 to 10 are 70, 80, 90 %.
  assert.equal(score(own, people[0]).foundations[0].percent, 70);
  const share = shareCode(own, people[0]);
  assert.equal(share.comments, "included");
  assert.deepEqual(decodeResponse(own, share.code).comments, { purpose: "=cmd 7" });
  const listed = comments(own, people, { hidden: [] });
  assert.deepEqual(listed.foundations[0].comments.map((c) => c.text), ["=cmd 7", "=cmd 8", "=cmd 9"]);
  const hidden = comments(own, people, { hidden: [listed.foundations[0].comments[0].id] });
  assert.equal(hidden.foundations[0].comments[0].hidden, true);
  const csv = commentsToCsv(own, people, { hidden: [listed.foundations[0].comments[0].id] });
  assert.match(csv, /"'=cmd 8"/);
  assert.doesNotMatch(csv, /cmd 7/);
  assert.equal(comments(own, people.slice(0, 2)).withheld, "fewerThanMinimum");
});

test("frameworks from a spreadsheet and from a page's script element", () => {
  const template = frameworkTemplate();
  assert.match(template, /^\uFEFF"\[About\]"/);
  const back = frameworkFromSheet(template);
  assert.equal(back.ok, true);
  assert.deepEqual(back.framework, fw);
  const bad = frameworkFromSheet(template.replace('"1","purpose-1"', '"heavy","purpose-1"'));
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.errors[0], { sheet: "Statements", row: 18, column: "D", heading: "weight", message: '"heavy" is not a number' });
  assert.deepEqual(frameworkFromScript(`\n${JSON.stringify(fw)}\n`), fw);
  assert.throws(() => frameworkFromScript(" "), /element is empty/);
});

test("imports codes from pasted e-mails, a UTF-16 CSV, a mailbox and a survey export", () => {
  const rs = [response(4, "nhs-trust"), response(2, "local-authority"), response(3, "primary-care")];
  rs.forEach((r, i) => { r.submittedAt = `2026-11-2${i}T09:00:00Z`; });
  const [a, b, c] = rs.map((r) => encodeResponse(fw, r));
  const text = `Hi Sam,\nPriya: ${a}\n<https://x.example/check#fc=${b}>.\n"${c}"\nThanks\n`;
  const got = importResponses(fw, text);
  assert.equal(got.responses.length, 3);
  assert.equal(got.report.noCodeLines, 2);
  assert.deepEqual(got.sentences, ["Added 3 self-checks from pasted text.", "2 lines had no code."]);
  // The same again, with the first already loaded: only the new ones come back.
  const again = importResponses(fw, text, { loaded: got.responses.slice(0, 1) });
  assert.equal(again.responses.length, 2);
  assert.equal(again.report.duplicates, 1);
  // A damaged code is named, and its line kept.
  const bad = importResponses(fw, `Kit: ${a.slice(0, 8)}x${a.slice(9)}`);
  assert.deepEqual(bad.report.unread, [`Kit: ${a.slice(0, 8)}x${a.slice(9)}`]);
  // Excel's "Unicode text": UTF-16 LE with its mark, tab-separated, as bytes.
  const csv = responsesToCsv(fw, rs).replace(/^\uFEFF/, "").replaceAll('","', "\t").replaceAll('"', "");
  const utf16 = new Uint8Array(2 + csv.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < csv.length; i++) { utf16[2 + 2 * i] = csv.charCodeAt(i) & 0xff; utf16[3 + 2 * i] = csv.charCodeAt(i) >> 8; }
  const tab = importResponses(fw, utf16, { name: "team.csv" });
  assert.equal(tab.responses.length, 3);
  assert.equal(tab.report.readAs, "CSV separated by tabs, UTF-16");
  // A mailbox export with one message.
  const mbox = `From a@example.org Mon Nov 17 09:00:00 2026\nFrom: A <a@example.org>\nSubject: code\nMIME-Version: 1.0\nContent-Type: text/plain\n\nMine: ${a}\n`;
  assert.equal(importResponses(fw, new TextEncoder().encode(mbox), { name: "inbox.mbox" }).responses.length, 1);
  // A survey export: the mapping first, nothing added; then confirmed.
  const q = fw.foundations[0].items.map((i) => i.text);
  const survey = `Timestamp,Email address,${q.map((t) => JSON.stringify(t)).join(",")}\n` +
    `2026/11/17 9:12:40 AM GMT,x@example.org,${q.map(() => "Agree").join(",")}\n`;
  const first = importResponses(fw, survey, { name: "form.csv" });
  assert.equal(first.responses.length, 0);
  const mapping = first.report.mapping;
  assert.equal(mapping.tool, "googleForms");
  assert.deepEqual(surveyMapping(fw, survey), mapping);
  const done = importResponses(fw, survey, { name: "form.csv", mapping });
  assert.equal(done.responses.length, 1);
  assert.equal(done.responses[0].submittedAt, "2026-11-17T09:12:40Z");
  assert.equal(done.responses[0].answers[fw.foundations[0].items[0].id], 4);
  // Bad arguments throw; a file that is not responses does not.
  assert.throws(() => importResponses(fw, 42), /input: expected text, a Uint8Array or an ArrayBuffer/);
  assert.equal(importResponses(fw, new Uint8Array([0, 1, 2, 3, 255])).report.rejected.length, 1);
  // responsesFromCsv takes semicolons and trailing rows of separators.
  const semi = responsesToCsv(fw, rs).replaceAll('","', '";"') + ";".repeat(10) + "\r\n" + ";".repeat(10) + "\r\n";
  assert.equal(responsesFromCsv(fw, semi).length, 3);
});
