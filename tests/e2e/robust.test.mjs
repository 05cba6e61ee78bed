// End-to-end tests of what the browser or the page can do to the widget, and of the
// ways through it: a page without a clipboard where storage, printing and downloads
// throw; someone else's share link beside one's own answers; all "Don't know"; jumps
// from the review and the results; two tabs; a link pasted into the address bar; a
// phone-width screen and a resize; forced colours; a right-to-left framework.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, openPage, axe } from "./harness.mjs";
import { readFileSync } from "node:fs";
import { initSync, builtinFramework, encodeResponse } from "../../pkg/foundations_check.js";

initSync({ module: readFileSync(new URL("../../pkg/foundations_check_bg.wasm", import.meta.url)) });
const fw = builtinFramework("place-based-partnership");
const KEY = "foundations-check:place-based-partnership@1.0.0";

let site;
before(async () => {
  site = await startSite();
  // A framework in Arabic: right to left.
  const ar = { ...fw, id: "rtl-check", locale: "ar", title: "الأسس المشتركة للشراكة", scale: { ...fw.scale, labels: ["لا أوافق بشدة", "لا أوافق", "محايد", "أوافق", "أوافق بشدة"], dontKnow: "لا أعرف" } };
  writeFileSync(join(site.root, "rtl.json"), JSON.stringify(ar));
});
after(() => site?.close());

const widget = (page) => page.locator("foundations-check").first();
const heading = (page) => widget(page).locator("h2");
const shadowActive = (page) => page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement?.textContent ?? null);

async function answerStep(page, label) {
  for (const group of await widget(page).locator("fieldset").all()) {
    await group.getByRole("radio", { name: label, exact: true }).check();
  }
}

async function finishAll(page, label = "Agree") {
  await widget(page).getByRole("button", { name: /Start the self-check|Continue/ }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  for (let i = 0; i < 8; i++) {
    await answerStep(page, label);
    await widget(page).getByRole("button", { name: "Next" }).click();
  }
  await widget(page).getByRole("button", { name: "See my results" }).click();
}

test("without a clipboard, and with storage, printing and downloads throwing, every control keeps working", async () => {
  const ctx = await site.browser.newContext();
  await ctx.addInitScript(() => {
    delete Navigator.prototype.clipboard;
    Storage.prototype.setItem = () => { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
    window.print = () => { throw new Error("printing is blocked here"); };
    HTMLAnchorElement.prototype.click = () => { throw new Error("downloads are blocked here"); };
  });
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => { if (m.text().includes("foundations-check: a bug")) problems.push(m.text()); });
  await page.goto(site.server.url + "/basic.html");
  await heading(page).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
  await finishAll(page, "Agree");
  // Saving failed: said once, the self-check goes on.
  assert.match(await widget(page).locator(".notice").first().textContent(), /not letting the self-check save answers/);
  assert.equal(await heading(page).textContent(), "Your results");
  // Copy: the code is shown selected, with the way round; never "Copied".
  await widget(page).getByRole("button", { name: "Copy share code" }).click();
  await widget(page).locator("input.share").waitFor();
  assert.match(await widget(page).locator(".take-away .problem").textContent(), /press Ctrl\+C/);
  assert.equal(await widget(page).locator(".copied").count(), 0);
  const selected = await page.evaluate(() => {
    const input = document.querySelector("foundations-check").shadowRoot.activeElement;
    return [input.className, input.selectionStart, input.selectionEnd, input.value.length];
  });
  assert.equal(selected[0], "share");
  assert.deepEqual(selected.slice(1, 3), [0, selected[3]]);
  assert.doesNotMatch(await widget(page).locator("[role=status]").first().textContent(), /^Copied/);
  // Print and download fail visibly, with the way round.
  await widget(page).getByRole("button", { name: "Print a report" }).click();
  assert.match(await widget(page).locator(".take-away .problem").first().textContent(), /Ctrl\+P/);
  await widget(page).getByRole("button", { name: "Download answers (JSON)" }).click();
  assert.match(await widget(page).locator(".take-away .problem").first().textContent(), /copy the share code instead/);
  // Every control still answers, and so does the element's API.
  await widget(page).getByRole("button", { name: "Show the chart as a table" }).click();
  assert.equal(await widget(page).locator("table tr").count(), 9);
  await widget(page).getByRole("button", { name: "Change my answers" }).click();
  assert.equal(await heading(page).textContent(), "Check your answers");
  const error = await page.evaluate(() => {
    const el = document.querySelector("foundations-check");
    el.response = { framework: "place-based-partnership", version: "1.0.0", answers: { "purpose-1": 5 } };
    return el.response.answers["purpose-1"];
  });
  assert.equal(error, 5);
  await axe(page, "the review after failures");
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("someone else's link is shown apart and never touches one's own answers", async () => {
  const { page, ctx, problems } = await openPage(site, "/basic.html");
  await finishAll(page, "Disagree");
  const mine = await page.evaluate((k) => localStorage.getItem(k), KEY);
  const theirs = encodeResponse(fw, { framework: fw.id, version: fw.version, answers: Object.fromEntries(fw.foundations.flatMap((f) => f.items.map((i) => [i.id, 5]))) });
  // A link pasted into the address bar of the tab already on the page.
  await page.evaluate((c) => { location.hash = "fc=" + c; }, theirs);
  await widget(page).getByText("Shared results").first().waitFor();
  assert.equal(await heading(page).textContent(), "Shared results");
  // Every answer 5, the reverse-worded one scoring 1: (7 × 100 + 66⅔) / 8 = 95.8…, cut
  // toward zero.
  assert.match(await widget(page).locator(".overall").textContent(), /Thriving \(95%\)/);
  for (const name of ["Change my answers", "Start again"]) assert.equal(await widget(page).getByRole("button", { name }).count(), 0);
  await axe(page, "shared results");
  // Back to one's own: as they were, and the link's fragment is gone.
  await widget(page).getByRole("button", { name: "Back to my own self-check" }).click();
  assert.equal(await heading(page).textContent(), "Your results");
  assert.match(await widget(page).locator(".overall").textContent(), /Emerging \(27%\)/);
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), mine);
  // Opened again and kept: asked first, focus on the safe choice.
  await page.evaluate((c) => { location.hash = "fc=" + c; }, theirs);
  await widget(page).getByRole("button", { name: "Keep these as my answers" }).click();
  assert.equal(await shadowActive(page), "No, keep them");
  await axe(page, "the confirmation");
  await page.keyboard.press("Enter");
  assert.equal(await shadowActive(page), "Keep these as my answers");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), mine);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("all \"Don't know\" is explained, with the way back; the review and the results open any foundation and come back", async () => {
  const { page, ctx, problems } = await openPage(site, "/basic.html");
  await finishAll(page, "Don't know");
  assert.match(await widget(page).locator(".screen").textContent(), /None of these answers can be scored/);
  await widget(page).getByRole("button", { name: "Change my answers" }).click();
  assert.equal(await heading(page).textContent(), "Check your answers");
  assert.match(await widget(page).locator(".screen").textContent(), /None of the foundations can be scored yet/);
  // From the review straight to governance, and back.
  await widget(page).getByRole("button", { name: /^Change answers: Governance/ }).click();
  assert.match(await heading(page).textContent(), /^Governance/);
  await answerStep(page, "Agree");
  await widget(page).getByRole("button", { name: "Back to check your answers" }).click();
  assert.equal(await heading(page).textContent(), "Check your answers");
  await widget(page).getByRole("button", { name: "See my results" }).click();
  // One foundation of eight scored: the overall is provisional, without a band.
  assert.match(await widget(page).locator(".overall").textContent(), /^Overall so far: 75%, from only 1 of 8 foundations/);
  // From the results to a foundation and back; the host hears the new score.
  await widget(page).getByRole("button", { name: "Change answers: Shared purpose and vision" }).click();
  await answerStep(page, "Strongly agree");
  await widget(page).getByRole("button", { name: "Back to my results" }).click();
  assert.equal(await heading(page).textContent(), "Your results");
  const completes = await page.evaluate(() => window.__events.filter((e) => e.type === "fc-complete").length);
  assert.equal(completes, 3);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("a second tab's changes are taken in, never overwritten", async () => {
  const { page: a, ctx, problems } = await openPage(site, "/basic.html");
  await widget(a).getByRole("button", { name: "Start the self-check" }).click();
  await widget(a).getByRole("button", { name: "Next" }).click();
  await widget(a).locator("fieldset").nth(0).getByRole("radio", { name: "Agree", exact: true }).check();
  const b = await ctx.newPage();
  await b.goto(site.server.url + "/basic.html");
  await heading(b).waitFor();
  await widget(b).locator("fieldset").nth(1).getByRole("radio", { name: "Disagree", exact: true }).check();
  // Tab A hears of it, says so and shows it; its next answer keeps tab B's.
  await widget(a).locator(".notice", { hasText: "another tab" }).waitFor();
  assert.equal(await widget(a).locator("fieldset").nth(1).getByRole("radio", { name: "Disagree", exact: true }).isChecked(), true);
  await widget(a).locator("fieldset").nth(2).getByRole("radio", { name: "Agree", exact: true }).check();
  const saved = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(Object.keys(saved.response.answers).length, 3);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("at 320 px the page never scrolls sideways and the chart is redrawn at the new width", async () => {
  const { page, ctx, problems } = await openPage(site, "/basic.html", { viewport: { width: 320, height: 640 } });
  await finishAll(page);
  const sizes = () => page.evaluate(() => {
    const c = document.querySelector("foundations-check").shadowRoot.querySelector("canvas");
    return { backing: c.width / devicePixelRatio, shown: Math.round(c.getBoundingClientRect().width), overflow: document.scrollingElement.scrollWidth - innerWidth };
  });
  const narrow = await sizes();
  assert.ok(narrow.overflow <= 0, `the page scrolls sideways by ${narrow.overflow}px`);
  assert.equal(narrow.backing, narrow.shown, "drawn at the width shown, one chart pixel to one CSS pixel");
  await page.screenshot({ path: "/tmp/widget-mue/shot-320.png", fullPage: false });
  await axe(page, "the results at 320 px");
  await page.setViewportSize({ width: 700, height: 640 });
  await page.waitForFunction((w) => document.querySelector("foundations-check").shadowRoot.querySelector("canvas").width / devicePixelRatio !== w, narrow.backing);
  const wide = await sizes();
  assert.equal(wide.backing, wide.shown);
  assert.ok(wide.backing > narrow.backing);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("forced colours: the chart takes the system colours and axe finds nothing", async () => {
  const { page, ctx, problems } = await openPage(site, "/basic.html");
  await page.emulateMedia({ forcedColors: "active", colorScheme: "light" });
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  await widget(page).locator("fieldset").first().getByRole("radio", { name: "Agree", exact: true }).check();
  await axe(page, "a foundation step in forced colours");
  await widget(page).getByRole("button", { name: "Back" }).click();
  await widget(page).getByRole("button", { name: "Back" }).click();
  await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
  await finishAll(page);
  await page.screenshot({ path: "/tmp/widget-mue/shot-forced.png", fullPage: true });
  // axe-core reads the forced colours of a light scheme's contrast theme (with a dark
  // one it compares white text with the page's white it assumes behind it).
  await page.emulateMedia({ forcedColors: "active", colorScheme: "light" });
  await axe(page, "the results in forced colours");
  const forced = await page.evaluate(() => getComputedStyle(document.querySelector("foundations-check").shadowRoot.querySelector("canvas")).getPropertyValue("--fc-forced").trim());
  assert.equal(forced, "1");
  await widget(page).getByRole("button", { name: "Start again" }).click();
  await axe(page, "the confirmation in forced colours");
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("a right-to-left framework sets the language and direction; the lang attribute overrides it", async () => {
  const { page, ctx, problems } = await openPage(site, "/url.html?f=rtl.json");
  await heading(page).waitFor();
  const dir = () => page.evaluate(() => {
    const c = document.querySelector("foundations-check").shadowRoot.querySelector(".fc");
    return [c.getAttribute("lang"), c.getAttribute("dir"), getComputedStyle(c).direction];
  });
  assert.deepEqual(await dir(), ["ar", "rtl", "rtl"]);
  await axe(page, "the introduction, right to left");
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  await axe(page, "a foundation step, right to left");
  await page.screenshot({ path: "/tmp/widget-mue/shot-rtl-step.png" });
  await widget(page).getByRole("button", { name: "Back" }).click();
  await widget(page).getByRole("button", { name: "Back" }).click();
  await finishAll(page, "أوافق");
  await axe(page, "the results, right to left");
  await page.screenshot({ path: "/tmp/widget-mue/shot-rtl.png", fullPage: true });
  await page.evaluate(() => document.querySelector("foundations-check").setAttribute("lang", "en-GB"));
  assert.deepEqual(await dir(), ["en-GB", "ltr", "ltr"]);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("host page text-align and letter-spacing do not leak in, and the chart follows the theme", async () => {
  const { page, ctx, problems } = await openPage(site, "/basic.html");
  await page.addStyleTag({ content: "body { text-align: center; letter-spacing: 4px; text-transform: uppercase; } foundations-check { --fc-accent: #8e3b8a; --fc-font: Georgia, serif; }" });
  await finishAll(page);
  const style = await page.evaluate(() => {
    const h = document.querySelector("foundations-check").shadowRoot.querySelector("h2");
    const s = getComputedStyle(h);
    return [s.textAlign, s.letterSpacing, s.textTransform];
  });
  assert.deepEqual(style, ["start", "normal", "none"]);
  // The accent colour is painted in the chart.
  const purple = await page.evaluate(() => {
    const c = document.querySelector("foundations-check").shadowRoot.querySelector("canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === 0x8e && d[i + 1] === 0x3b && d[i + 2] === 0x8a) n++;
    return n;
  });
  assert.ok(purple > 100, `${purple} pixels in the accent colour`);
  assert.deepEqual(problems, []);
  await ctx.close();
});
