// End-to-end tests of the team view's import and comments in Chromium: e-mail text
// pasted with greetings and signatures, a saved e-mail and a survey tool's workbook
// dropped together with the workbook's mapping confirmed first (keyboard only), and
// comments hidden from the printed report and the comments file. Each new screen is
// checked with axe-core and photographed for a person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, openPage, axe } from "./harness.mjs";

const FIXTURES = new URL("../fixtures/import/", import.meta.url);
const fixture = (name) => readFileSync(new URL(name, FIXTURES));
const SHOTS = process.env.FC_SHOTS || "/tmp/fc-shots";

let site;
before(async () => {
  site = await startSite();
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(site.root, "fixture.json"), fixture("framework.json"));
  // The pulse check with a question about the person, so that comments can be listed
  // by group.
  const pulse = JSON.parse(readFileSync(new URL("../../frameworks/examples/pulse-check.json", import.meta.url), "utf8"));
  pulse.respondentFields = [{ id: "team", label: "Which team are you in?", options: [{ id: "north", label: "North" }, { id: "south", label: "South" }] }];
  writeFileSync(join(site.root, "pulse.json"), JSON.stringify(pulse));
});
after(() => site?.close());

async function open(framework) {
  const { ctx, page, problems } = await openPage(site, `/team-url.html?f=${framework}`);
  const w = page.locator("foundations-check");
  await w.locator("h2").waitFor();
  return { ctx, page, w, problems };
}

const root = (page, f) => page.evaluate(f);
/** The id, or else the text, of the element with focus in the widget. */
const active = (page) => root(page, () => {
  const a = document.querySelector("foundations-check").shadowRoot.activeElement;
  return a ? a.id || a.textContent : null;
});
const activeClass = (page) => root(page, () => document.querySelector("foundations-check").shadowRoot.activeElement?.className);
/** What the live region last said. */
const said = (page) => root(page, () => document.querySelector("foundations-check").shadowRoot.querySelector("[aria-live]").textContent.trim());
const report = (w) => w.locator(".report").textContent();
const summary = (w) => w.locator("#fc-summary").textContent();

test("pasted e-mail text: codes among greetings and signatures are added, lines without one counted, a damaged code kept in the box, nothing added twice", async () => {
  const { ctx, page, w, problems } = await open("fixture.json");
  await axe(page, "the empty team view of the fixture framework");
  // Sam's e-mail of collected codes (one in angle brackets, one quoted, two on a line,
  // one in an Outlook Safe Link...), and a line whose code lost a character's worth.
  const text = `${fixture("pasted-email.txt").toString()}\nKit: AZMpcnDa3ajV-2Xm8r0\n`;
  await page.keyboard.press("Tab");
  assert.equal(await active(page), "fc-codes");
  await w.locator("textarea").fill(text);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await w.locator(".report p").first().waitFor();
  const r = await report(w);
  assert.match(r, /^Added 10 self-checks from pasted text\.1 could not be read\.\d+ lines had no code\./);
  assert.match(r, /pasted text line \d+: the share code is damaged or incomplete: check it was copied whole/);
  assert.match(r, /The lines that could not be read are back in the box above/);
  // Only the damaged line is back in the box; focus is on the report, which is a
  // status region, so it is read out.
  assert.equal(await w.locator("textarea").inputValue(), "Kit: AZMpcnDa3ajV-2Xm8r0");
  assert.equal(await activeClass(page), "report");
  assert.equal(await w.locator(".report").getAttribute("role"), "status");
  assert.equal(await summary(w), "10 self-checks");
  await axe(page, "the report of pasted e-mail text");
  await page.screenshot({ path: join(SHOTS, "import-pasted-report.png"), fullPage: true });
  // Corrected in the box, by keyboard, and added again: it was among the codes already
  // added, so it is counted once.
  await w.locator("textarea").focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Kit: AZMpcnDa3ajV-2Am8r0");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /already there/.test(document.querySelector("foundations-check").shadowRoot.querySelector(".report").textContent));
  assert.match(await report(w), /^Added 10 self-checks from pasted text; 1 was already there\./);
  assert.equal(await w.locator("textarea").inputValue(), "");
  assert.equal(await summary(w), "10 self-checks");
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** Drops files (name and bytes) on the import section, as a file manager would. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const zone = document.querySelector("foundations-check").shadowRoot.querySelector("[data-drop]");
    const dt = new DataTransfer();
    for (const [name, b64] of files) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  }, files.map((n) => [n, fixture(n).toString("base64")]));
}

test("a saved e-mail and a Microsoft Forms workbook dropped together: the e-mail is read, the workbook's mapping is confirmed first, by keyboard, and no name or address is shown", async () => {
  const { ctx, page, w, problems } = await open("fixture.json");
  await drop(page, ["reply.eml", "msforms.xlsx"]);
  const mapping = w.locator("section.mapping");
  await mapping.waitFor();
  // Focus moved to the mapping's heading; the e-mail's two codes are in, the
  // workbook's four responses are not yet.
  assert.equal(await active(page), "fc-mapping");
  assert.equal(await summary(w), "2 self-checks");
  assert.match(await report(w), /^Added 2 self-checks from reply\.eml\./);
  const m = await mapping.textContent();
  assert.match(m, /Check how the columns of msforms\.xlsx match/);
  assert.match(m, /msforms\.xlsx is a Microsoft Forms export with 4 responses/);
  assert.match(m, /Never read: names or e-mail addresses/);
  assert.match(m, /1 answer is not mapped yet/);
  const shadow = await root(page, () => document.querySelector("foundations-check").shadowRoot.innerHTML);
  for (const never of ["@example.org", "Alex Example", "Bo Example"]) assert.ok(!shadow.includes(never), `${never} is in the page`);
  // Every choice is labelled by its column or answer.
  const unlabelled = await mapping.locator("select:not([aria-label])").count();
  assert.equal(unlabelled, 0);
  await axe(page, "the survey mapping");
  await page.screenshot({ path: join(SHOTS, "import-mapping.png"), fullPage: true });
  await mapping.screenshot({ path: join(SHOTS, "import-mapping-section.png") });
  // Keyboard only: Tab to the choice for "Mostly", pick "4: Agree" with the arrow keys.
  const mostly = mapping.locator("select[aria-label='\"Mostly\" counts as']");
  let steps = 0;
  while ((await root(page, () => document.querySelector("foundations-check").shadowRoot.activeElement?.getAttribute("aria-label"))) !== "\"Mostly\" counts as") {
    await page.keyboard.press("Tab");
    assert.ok(++steps < 40, "the choice for \"Mostly\" is reached by Tab");
  }
  const chosen = () => mostly.evaluate((s) => s.value);
  while ((await chosen()) !== "p:4") {
    await page.keyboard.press("ArrowDown");
    assert.ok(++steps < 80, "the arrow keys reach 4: Agree");
  }
  await page.waitForFunction(() => !/not mapped yet/.test(document.querySelector("foundations-check").shadowRoot.querySelector("section.mapping").textContent));
  // The choice kept focus through the new render.
  assert.equal(await root(page, () => document.querySelector("foundations-check").shadowRoot.activeElement?.getAttribute("aria-label")), "\"Mostly\" counts as");
  // On to "Add the 4 responses", and press it.
  while ((await active(page)) !== "Add the 4 responses") {
    await page.keyboard.press("Tab");
    assert.ok(++steps < 120, "the add button is reached by Tab");
  }
  await page.keyboard.press("Enter");
  // One of the workbook's rows is the response one of the e-mails carried: counted once.
  await page.waitForFunction(() => /5 self-checks/.test(document.querySelector("foundations-check").shadowRoot.querySelector("#fc-summary")?.textContent ?? ""));
  assert.equal(await w.locator("section.mapping").count(), 0);
  assert.match(await report(w), /^Added 5 self-checks from reply\.eml and msforms\.xlsx; 1 was already there\./);
  assert.equal(await activeClass(page), "report");
  await axe(page, "the report after the survey export");
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("a Google Forms export chosen as a file can be left unadded", async () => {
  const { ctx, page, w, problems } = await open("fixture.json");
  const path = join(site.root, "googleforms.csv");
  writeFileSync(path, fixture("googleforms.csv"));
  await w.locator("#fc-files").setInputFiles(path);
  await w.locator("section.mapping").waitFor();
  assert.match(await w.locator("section.mapping").textContent(), /googleforms\.csv is a Google Forms export with \d+ responses/);
  await w.getByRole("button", { name: "Add nothing from it" }).click();
  await w.locator("section.mapping").waitFor({ state: "detached" });
  assert.match(await report(w), /Nothing was added from the survey export\./);
  assert.equal(await activeClass(page), "report");
  assert.match(await w.locator(".screen").textContent(), /No self-checks yet/);
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** A pulse-check response: every answer `v`, from a team, with a comment on energy. */
const pulseResponse = (fw, v, team, minute, comment) => ({
  framework: fw.id, version: fw.version,
  answers: Object.fromEntries(fw.foundations.flatMap((f) => f.items.map((i) => [i.id, v]))),
  respondent: { team },
  comments: { energy: comment },
  submittedAt: `2026-11-20T10:${String(minute).padStart(2, "0")}:00Z`,
});

test("comments: listed per foundation in an order of their own with nothing about who wrote them, one hidden from the printed report and the comments file, kept hidden after a reload", async () => {
  const { ctx, page, w, problems } = await open("pulse.json");
  const fw = JSON.parse(readFileSync(join(site.root, "pulse.json"), "utf8"));
  const people = [
    pulseResponse(fw, 7, "north", 1, "Zebra crossings came up again"),
    pulseResponse(fw, 6, "north", 2, "Alex Example never replies to anyone"),
    pulseResponse(fw, 8, "north", 3, "<img src=x onerror=alert(1)> meetings run over"),
    pulseResponse(fw, 5, "south", 4, "=HYPERLINK(\"http://x\",\"more time to plan\")"),
  ];
  await page.evaluate((t) => document.querySelector("foundations-check").importResponses(t, { name: "pulse.json" }), JSON.stringify({ responses: people }));
  const section = w.locator("section.comments-all");
  await section.waitFor();
  const listed = await section.locator("ul.comments").first().locator(".said").allTextContents();
  // By text, not by import; markup shown as text.
  assert.deepEqual(listed, [
    "<img src=x onerror=alert(1)> meetings run over",
    "=HYPERLINK(\"http://x\",\"more time to plan\")",
    "Alex Example never replies to anyone",
    "Zebra crossings came up again",
  ]);
  assert.equal(await section.locator("img").count(), 0);
  assert.doesNotMatch(await section.textContent(), /North|South/);
  await axe(page, "the comments");
  // Hide the one that names someone, by keyboard: focus stays on its button, whose
  // label now offers to show it again, and the live region says what happened.
  const hide = section.getByRole("button", { name: "Hide from the report" }).nth(2);
  assert.equal(await hide.getAttribute("aria-describedby"), await section.locator(".said").nth(2).getAttribute("id"));
  await hide.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("foundations-check").shadowRoot.querySelector(".comment.hidden"));
  assert.equal(await active(page), "Show in the report");
  assert.equal(await said(page), "The comment is hidden from the report.");
  assert.match(await section.locator(".comment.hidden").textContent(), /^Alex Example never replies to anyoneHidden from the report\./);
  await axe(page, "the comments with one hidden");
  await page.screenshot({ path: join(SHOTS, "comments-hidden.png"), fullPage: true });
  // By team: North (3) is listed, South (1) is not, and nothing about anyone's team
  // stands beside a comment.
  await w.locator("#fc-group").selectOption("team");
  await section.locator(".comment-group").first().waitFor();
  const groups = await section.locator(".comment-group").allTextContents();
  assert.match(groups[0], /^North \(n=3\)/);
  assert.match(groups[1], /^South \(n=1\)Not shown: fewer than 3 people have answered/);
  assert.doesNotMatch(groups[1], /more time to plan/);
  await axe(page, "the comments by team");
  // Printed: the hidden comment and the buttons are left out, the others are there.
  await page.emulateMedia({ media: "print" });
  assert.equal(await section.locator(".comment.hidden").first().isVisible(), false);
  assert.equal(await section.getByText("Zebra crossings came up again").first().isVisible(), true);
  assert.equal(await section.locator("button").first().isVisible(), false);
  await page.emulateMedia({ media: "screen" });
  // The comments file: without the hidden one, and formulas kept as text.
  await w.locator("#fc-group").selectOption("");
  const [d] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Download comments (CSV)" }).click()]);
  assert.equal(d.suggestedFilename(), "pulse-check-team-comments.csv");
  const csv = readFileSync(await d.path()).toString();
  assert.match(csv, /Zebra crossings came up again/);
  assert.doesNotMatch(csv, /Alex Example/);
  assert.doesNotMatch(csv, /(^|,)"?=HYPERLINK/m, "a formula cell is written as text");
  // Reloaded: still hidden.
  await page.reload();
  await w.locator("section.comments-all .comment.hidden").waitFor();
  assert.match(await w.locator(".comment.hidden").textContent(), /Alex Example/);
  assert.deepEqual(problems, []);
  await ctx.close();
});
