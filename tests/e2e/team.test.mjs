// End-to-end tests of the team view (mode="team") in Chromium: every way in, bad
// input, groups and suppression, an earlier round, exports, axe-core and the CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSite, openPage, axe } from "./harness.mjs";
import { initSync, builtinFramework, encodeResponse, responsesToCsv } from "../../pkg/foundations_check.js";

initSync({ module: readFileSync(new URL("../../pkg/foundations_check_bg.wasm", import.meta.url)) });
const fw = builtinFramework("place-based-partnership");
const items = fw.foundations.flatMap((f) => f.items.map((i) => i.id));

/** A response with every answer `v` (governance answers `g`), from a sector and role. */
const response = (v, sector, role = "manager", g = v, minute = 0) => ({
  framework: fw.id, version: fw.version,
  answers: Object.fromEntries(items.map((id) => [id, id.startsWith("governance") ? g : v])),
  respondent: { sector, role },
  submittedAt: `2026-11-20T10:${String(minute).padStart(2, "0")}:00Z`,
});

let site, server, cspServer;
before(async () => {
  site = await startSite();
  ({ server, cspServer } = site);
});
after(() => site?.close());

async function open(base = server, path = "/team.html") {
  const { ctx, page, problems } = await openPage(site, path, { base });
  const w = page.locator("foundations-check");
  await w.locator("h2").waitFor();
  return { ctx, page, w, problems };
}

const report = (w) => w.locator(".report").textContent();
const encodeCode = encodeResponse(fw, response(3, "nhs-trust"));

/** Waits until an import has been read and reported (imports are read a slice at a time). */
const settled = (w) => w.locator(".report p").first().waitFor();

async function paste(w, text) {
  await w.locator("textarea").fill(text);
  await w.getByRole("button", { name: "Add these" }).click();
  await settled(w);
}

test("pasted codes and links are added, duplicates counted once, bad lines named; the set survives a reload", async () => {
  const { ctx, page, w, problems } = await open();
  await axe(page, "the empty team view");
  const a = encodeResponse(fw, response(4, "nhs-trust"));
  const b = encodeResponse(fw, response(2, "local-authority"));
  // A line of markup beside a damaged code (one character changed): shown as text,
  // the code named; a line with no code would only be counted.
  const damaged = `${a.slice(0, 8)}${a[8] === "x" ? "y" : "x"}${a.slice(9)}`;
  await paste(w, `${a}\nhttps://intranet.example/check#fc=${b}\n<img src=x onerror=alert(1)> ${damaged}\n${a}\n`);
  assert.match(await report(w), /^Added 2 self-checks from pasted text; 1 was already there\.1 could not be read\./);
  assert.match(await report(w), /pasted text line 3: the share code is damaged or incomplete: check it was copied whole/);
  // The line that could not be read is back in the box, as text, to be corrected.
  assert.equal(await w.locator("textarea").inputValue(), `<img src=x onerror=alert(1)> ${damaged}`);
  assert.equal(await w.locator("img").count(), 0);
  assert.equal(await w.locator("#fc-summary").textContent(), "2 self-checks");
  await page.reload();
  await w.locator("#fc-summary").waitFor();
  assert.equal(await w.locator("#fc-summary").textContent(), "2 self-checks");
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("a link carrying several codes opens a team at once", async () => {
  const codes = [response(4, "nhs-trust"), response(3, "nhs-trust", "frontline"), response(2, "primary-care")].map((r) => encodeResponse(fw, r));
  const { ctx, w } = await open(server, `/team.html#fc-team=${codes.join(",")}`);
  await w.locator("#fc-summary").waitFor();
  assert.equal(await w.locator("#fc-summary").textContent(), "3 self-checks");
  assert.match(await report(w), /^Added 3 self-checks from the link\./);
  await ctx.close();
});

test("files: many at once; random bytes, a huge file, another framework's CSV and formula cells are refused and the set is untouched", async () => {
  const { ctx, page, w, problems } = await open();
  const dir = mkdtempSync(join(tmpdir(), "fc-files-"));
  const one = [response(5, "nhs-trust", "senior-leader", 5, 1), response(4, "nhs-trust", "manager", 4, 2)];
  const two = [response(3, "local-authority", "frontline", 1, 3), response(2, "voluntary-sector", "frontline", 1, 4)];
  writeFileSync(join(dir, "a.json"), JSON.stringify({ responses: one }));
  writeFileSync(join(dir, "b.csv"), responsesToCsv(fw, two));
  await w.locator("#fc-files").setInputFiles([join(dir, "a.json"), join(dir, "b.csv")]);
  await page.waitForFunction(() => /4 self-checks/.test(document.querySelector("foundations-check").shadowRoot.textContent));
  const before = await page.evaluate(() => localStorage.getItem("foundations-check:place-based-partnership@1.0.0:team"));
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  writeFileSync(join(dir, "random.bin"), bytes);
  writeFileSync(join(dir, "huge.json"), Buffer.alloc(50 * 1024 * 1024, 32));
  writeFileSync(join(dir, "other.csv"), "framework,version,q1\nsome-other-framework,2,4\n");
  const formula = responsesToCsv(fw, [response(3, "nhs-trust", "manager", 3, 9)]).replace(/"3"/, '"=HYPERLINK(""http://x"")"');
  writeFileSync(join(dir, "formula.csv"), formula);
  for (const [file, message] of [
    ["random.bin", /random\.bin: is not a file of responses: it holds binary data/],
    ["huge.json", /huge\.json: is 52 MB; files of up to 20 MB can be imported/],
    ["other.csv", /other\.csv line 1, column 3: "q1" is not a statement or respondent question/],
    ["formula.csv", /formula\.csv line 2: column purpose-1: "=HYPERLINK\("http:\/\/x"\)" is not a whole number or dontKnow/],
  ]) {
    await w.locator("#fc-files").setInputFiles(join(dir, file));
    await page.waitForFunction((m) => new RegExp(m).test(document.querySelector("foundations-check").shadowRoot.querySelector(".report").textContent), message.source);
    assert.match(await report(w), message);
    // The report still says where the self-checks came from, and only that.
    assert.match(await report(w), /^Added 4 self-checks from a\.json and b\.csv\.\d could not be read\./);
    assert.equal(await page.evaluate(() => localStorage.getItem("foundations-check:place-based-partnership@1.0.0:team")), before, `${file} changed the saved set`);
    assert.equal(await w.locator("#fc-summary").textContent(), "4 self-checks");
  }
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("the partnership as a whole, groups with small ones suppressed, and an earlier round", async () => {
  const { ctx, page, w, problems } = await open();
  const now = [
    response(5, "nhs-trust", "senior-leader", 5, 1), response(5, "nhs-trust", "manager", 1, 2), response(4, "nhs-trust", "frontline", 1, 3),
    response(2, "local-authority", "manager", 5, 4), response(2, "local-authority", "frontline", 1, 5), response(3, "local-authority", "frontline", 1, 6),
    response(1, "primary-care", "frontline", 1, 7),
  ];
  await page.evaluate((t) => document.querySelector("foundations-check").importResponses(t, { name: "now.json" }), JSON.stringify(now));
  const earlier = now.map((r, i) => ({ ...r, submittedAt: `2025-11-20T10:0${i}:00Z`, answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, k.startsWith("purpose") ? 1 : v])) }));
  await page.evaluate((t) => document.querySelector("foundations-check").importResponses(t, { name: "earlier.json", previous: true }), JSON.stringify(earlier));
  assert.equal(await w.locator("#fc-summary").textContent(), "7 self-checks");
  const text = await w.locator(".screen").textContent();
  // Purpose: 100, 100, 75, 25, 25, 50, 0; median 50; three of seven (42.8 %, cut to 42)
  // more than 25 points (the spread, one point of the scale, in the table's units) away.
  assert.match(text, /People disagree most about shared purpose: 42% are more than 25 points from the median\./);
  // The change since the earlier round, always with its size: purpose rose clearly
  // (from 0 everywhere to a median of 50), the rest did not move.
  const purpose = w.locator("table").first().locator("tr", { hasText: "Shared purpose and vision" });
  assert.match(await purpose.textContent(), /Clear rise \(\+50 points\)/);
  const resources = w.locator("table").first().locator("tr", { hasText: "Resources and capacity" });
  assert.match(await resources.textContent(), /No clear change \(0 points\)/);
  await axe(page, "the team view");
  // Compare by sector: primary care (1) is too small, and the smallest other group
  // (NHS trust, 3) is hidden too, so that the one person cannot be worked out by
  // subtracting the groups shown from the totals.
  await w.locator("select").selectOption("sector");
  const groups = w.locator("table.groups");
  const head = await groups.locator("tr").first().textContent();
  assert.equal(head, "FoundationNHS trust (hidden)Primary care (fewer than 3)Local authority (n=3)Gap");
  const rows = await groups.locator("tr").allTextContents();
  assert.match(rows[1], /^(Shared purpose and vision|A shared|Relationships|Leadership|Resources|People|Learning)/, "biggest gap first");
  assert.ok(!/fewer than 3.*\d+ \(\d+% don't know\).*Primary/.test(rows.join()), "no statistics for a suppressed group");
  assert.match(await w.locator(".screen").textContent(), /NHS trust: not shown, so that a smaller group's answers cannot be worked out from the totals\. Primary care: fewer than 3 responses, not shown\./);
  await axe(page, "the team view by sector");
  // The printed report is a few A4 pages for a board paper.
  await page.emulateMedia({ media: "print" });
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 3, `the team report prints on ${pages} pages`);
  await page.emulateMedia({ media: "screen" });
  // Exports.
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name }).click()]);
    return readFileSync(await d.path()).toString();
  };
  const csv = await download("Download summary (CSV)");
  assert.match(csv, /^\uFEFF"group","foundation","n","median %"/);
  assert.match(csv, /"Primary care","\(all\)",.*"withheld: fewer than 3 people"/);
  assert.match(csv, /"NHS trust","\(all\)",.*"withheld: with the other figures it would reveal a small group"/);
  // A change is a plain number in the CSV, with the rank test's judgement beside it.
  assert.match(csv, /"Everyone \(n=7\)","Shared purpose and vision",.*"50","clear rise"/);
  const all = await download("Download all responses (JSON)");
  assert.equal(JSON.parse(all).responses.length, 7);
  // The earlier round is its own part of the file, and comes back as the earlier round.
  assert.equal(JSON.parse(all).previous.length, 7);
  const r = await page.evaluate((t) => document.querySelector("foundations-check").importResponses(t), all);
  assert.deepEqual([r.added, r.duplicates], [0, 14]);
  assert.match(await download("Download chart (SVG)"), /^<svg /);
  // Clearing asks first, with focus on the safe choice: Enter twice keeps everything.
  const active = () => page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement?.textContent);
  await w.getByRole("button", { name: "Clear all self-checks" }).click();
  assert.equal(await active(), "No, keep them");
  await axe(page, "the question before clearing");
  await page.keyboard.press("Enter");
  assert.equal(await active(), "Clear all self-checks");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  assert.equal(await w.locator("#fc-summary").textContent(), "7 self-checks");
  await w.getByRole("button", { name: "Clear all self-checks" }).click();
  await w.getByRole("button", { name: "Yes, clear them" }).click();
  assert.match(await w.locator(".screen").textContent(), /No self-checks yet/);
  // After the clear, focus is on the view's heading, not the page's body.
  assert.equal(await page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement?.tagName), "H2");
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("the team view works under the strict CSP and asks the network only for its own script", async () => {
  const { ctx, page, w, problems } = await open(cspServer);
  await paste(w, [response(4, "nhs-trust"), response(3, "nhs-trust", "frontline"), response(2, "primary-care")].map((r) => encodeResponse(fw, r)).join("\n"));
  await w.locator("canvas").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(cspServer.requests.filter((r) => r !== "/favicon.ico"), ["/team.html", "/foundations-check.js", "/foundations-check-team.js"]);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("the team view can be used with the keyboard alone", async () => {
  const { ctx, page, w, problems } = await open();
  const codes = [response(4, "nhs-trust"), response(3, "nhs-trust", "frontline"), response(2, "primary-care")].map((r) => encodeResponse(fw, r));
  const active = () => page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement?.id || document.querySelector("foundations-check").shadowRoot.activeElement?.textContent);
  await page.keyboard.press("Tab");
  assert.equal(await active(), "fc-codes");
  await page.keyboard.type(codes.join("\n"));
  await page.keyboard.press("Tab");
  assert.equal(await active(), "Add these");
  await page.keyboard.press("Enter");
  await settled(w);
  assert.match(await report(w), /^Added 3 self-checks from pasted text\./);
  // Focus went to the report, which is announced.
  assert.equal(await page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement.className), "report");
  // Once there are results the import sits below them: the report is followed by
  // the view's last button, and the results are back above it.
  await page.keyboard.press("Tab");
  assert.equal(await active(), "Clear all self-checks");
  // Back up to the group select, and choose "sector" with the arrow keys.
  for (let i = 0; i < 20 && (await active()) !== "fc-group"; i++) await page.keyboard.press("Shift+Tab");
  assert.equal(await active(), "fc-group");
  await page.keyboard.press("ArrowDown");
  await w.locator("table.groups").waitFor();
  assert.equal(await active(), "fc-group");
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("the self-check embed loads the team build once, beside itself, for the elements that ask for it", async () => {
  const seen = cspServer.requests.length;
  const { ctx, page, problems } = await openPage(site, "/mixed.html", { base: cspServer });
  const self = page.locator("#self"), team = page.locator("#team");
  await self.getByRole("button", { name: "Start" }).waitFor();
  await team.locator("textarea").waitFor();
  // The self-check element stays on the small build; it works after the other loaded.
  await self.getByRole("button", { name: "Start" }).click();
  await self.locator("fieldset").first().waitFor();
  // An element switched to the team view afterwards moves to the team build, and its
  // old self-check no longer answers.
  await page.evaluate(() => document.querySelector("#self").setAttribute("mode", "team"));
  await self.locator("textarea").waitFor();
  await self.locator("textarea").fill(encodeCode);
  await self.getByRole("button", { name: "Add these" }).click();
  assert.match(await self.locator(".report").textContent(), /^Added 1 self-check from pasted text\./);
  assert.equal(await self.locator("fieldset").count(), 0);
  assert.deepEqual(cspServer.requests.slice(seen).filter((r) => r.startsWith("/foundations-check")), ["/foundations-check.js", "/foundations-check-team.js"]);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("without foundations-check-team.js beside it, a team element says what is missing", async () => {
  mkdirSync(join(site.root, "lonely"), { recursive: true });
  copyFileSync(join(site.root, "foundations-check.js"), join(site.root, "lonely", "foundations-check.js"));
  copyFileSync(join(site.root, "team.html"), join(site.root, "lonely", "team.html"));
  const { ctx, page, problems } = await openPage(site, "/lonely/team.html");
  const text = await page.locator("foundations-check").evaluate((e) => new Promise((resolve) => {
    const look = () => (e.shadowRoot.textContent.includes("foundations-check-team.js") ? resolve(e.shadowRoot.textContent) : setTimeout(look, 50));
    look();
  }));
  assert.match(text, /keep foundations-check-team\.js in the same folder as foundations-check\.js \(looked for http:\/\/127\.0\.0\.1:\d+\/lonely\/foundations-check-team\.js\)/);
  assert.deepEqual(problems.filter((p) => !p.includes("404")), []);
  await ctx.close();
});

test("a large file is read a slice at a time, with a progress bar, while the page keeps responding", async () => {
  const { ctx, page, w, problems } = await open();
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const many = Array.from({ length: 4000 }, (_, i) => ({
    framework: fw.id, version: fw.version,
    answers: Object.fromEntries(items.map((id) => [id, 1 + Math.floor(rnd() * 5)])),
    respondent: { sector: ["nhs-trust", "local-authority", "primary-care", "voluntary-sector"][i % 4], role: "manager" },
  }));
  const dir = mkdtempSync(join(tmpdir(), "fc-many-"));
  writeFileSync(join(dir, "many.json"), JSON.stringify({ responses: many }));
  // The page's own timer notes the progress bar each time it gets to run.
  await page.evaluate(() => {
    const root = document.querySelector("foundations-check").shadowRoot;
    window.__seen = [];
    const beat = () => {
      const bar = root.querySelector("progress");
      if (bar) window.__seen.push([Number(bar.getAttribute("value")), Number(bar.getAttribute("max")), root.querySelector("#fc-progress").textContent]);
      if (!window.__stop) setTimeout(beat, 0);
    };
    beat();
  });
  await w.locator("#fc-files").setInputFiles(join(dir, "many.json"));
  await settled(w);
  const seen = await page.evaluate(() => { window.__stop = true; return window.__seen; });
  // It ran while the bar was part-way: reading left the page free between slices.
  const partWay = seen.filter(([v, max]) => v > 0 && v < max);
  assert.ok(partWay.length > 0, `the page did not run during the import: ${JSON.stringify(seen.slice(0, 5))}`);
  assert.equal(partWay[0][1], 4000);
  assert.match(partWay[0][2], /^Reading self-checks: \d+ of 4000…$/);
  assert.match(await report(w), /^Added 4000 self-checks from many\.json\./);
  assert.equal(await w.locator("progress").count(), 0);
  assert.equal(await w.locator("#fc-summary").textContent(), "4000 self-checks");
  await axe(page, "the team view after a large import");
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("files dropped on the import section are added like chosen ones", async () => {
  const { ctx, page, w, problems } = await open();
  const json = JSON.stringify({ responses: [response(4, "nhs-trust"), response(2, "local-authority")] });
  const csv = responsesToCsv(fw, [response(3, "primary-care", "frontline")]);
  await page.evaluate(([json, csv]) => {
    const zone = document.querySelector("foundations-check").shadowRoot.querySelector("[data-drop]");
    const dt = new DataTransfer();
    dt.items.add(new File([json], "dropped.json", { type: "application/json" }));
    dt.items.add(new File([csv], "dropped.csv", { type: "text/csv" }));
    const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    zone.dispatchEvent(over);
    window.__overAllowed = over.defaultPrevented && zone.classList.contains("dropping");
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  }, [json, csv]);
  assert.equal(await page.evaluate(() => window.__overAllowed), true);
  await page.waitForFunction(() => /3 self-checks/.test(document.querySelector("foundations-check").shadowRoot.textContent));
  await settled(w);
  assert.match(await report(w), /^Added 3 self-checks from dropped\.json and dropped\.csv\./);
  assert.equal(await w.locator("[data-drop].dropping").count(), 0);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("at 320 px the team view's tables scroll in their own regions, not the page", async () => {
  const { ctx, page, problems } = await openPage(site, "/team.html", { viewport: { width: 320, height: 700 } });
  const w = page.locator("foundations-check");
  await w.locator("h2").waitFor();
  const now = [response(5, "nhs-trust", "senior-leader", 5, 1), response(4, "nhs-trust", "manager", 1, 2), response(2, "local-authority", "frontline", 3, 3), response(3, "local-authority", "manager", 2, 4), response(1, "local-authority", "frontline", 1, 5), response(2, "nhs-trust", "frontline", 4, 6)];
  await page.evaluate((t) => document.querySelector("foundations-check").importResponses(t, { name: "now.json" }), JSON.stringify(now));
  await w.locator("select").selectOption("sector");
  await w.locator("table.groups").waitFor();
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const regions = await page.evaluate(() => [...document.querySelector("foundations-check").shadowRoot.querySelectorAll(".scroll")].map((r) => [r.getAttribute("role"), r.tabIndex, r.scrollWidth > r.clientWidth]));
  assert.ok(regions.length >= 2);
  assert.ok(regions.every(([role, tab]) => role === "region" && tab === 0));
  assert.ok(regions.some(([, , scrolls]) => scrolls), "a wide table scrolls within its region");
  await page.screenshot({ path: "/tmp/widget-mue/shot-team-320.png", fullPage: true });
  await axe(page, "the team view at 320 px");
  assert.deepEqual(problems, []);
  await ctx.close();
});
