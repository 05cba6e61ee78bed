// End-to-end tests of the <foundations-check> embed in Chromium: the self-check by
// keyboard, axe-core on every step, saving and restoring, sharing, downloads, hostile
// frameworks, the strict CSP, and the network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, openPage, axe } from "./harness.mjs";
import { initSync, builtinFramework, score, chartFromScore, radarSvg } from "../../pkg/foundations_check.js";

// The npm package's API (its own build, with every chart feature), to compare with.
initSync({ module: readFileSync(new URL("../../pkg/foundations_check_bg.wasm", import.meta.url)) });

const KEY = "foundations-check:place-based-partnership@1.0.0";

let site, server, cspServer, browser, root;
before(async () => {
  site = await startSite();
  ({ server, cspServer, browser, root } = site);
});
after(() => site?.close());

const open = (path, opts) => openPage(site, path, opts);
const widget = (page) => page.locator("foundations-check").first();
const heading = (page) => widget(page).locator("h2");
const screen = (page) => widget(page).locator(".screen");

/** Answers every statement on the current step with the option labelled `label`. */
async function answerStep(page, label) {
  for (const group of await widget(page).locator("fieldset").all()) {
    await group.getByRole("radio", { name: label, exact: true }).check();
  }
}

test("a person completes the self-check with the keyboard alone, and axe finds nothing on any step", async () => {
  const { page, ctx, problems } = await open("/basic.html");
  await heading(page).waitFor();
  assert.equal(await heading(page).textContent(), "Foundations for place-based partnership");
  await axe(page, "the introduction");
  // Tab to the start button and press Enter.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent), "Start the self-check");
  await page.keyboard.press("Enter");
  assert.equal(await heading(page).textContent(), "About you");
  // Focus moved to the step heading, which announces the step; the live region does
  // not say it a second time.
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.tagName), "H2");
  assert.doesNotMatch(await widget(page).locator("[role=status]").first().textContent(), /About you/);
  assert.equal(await widget(page).locator(".step-of").textContent(), "Step 1 of 10");
  await axe(page, "about you");
  // About you: Tab into the first radio group, arrow keys move and select.
  const press = async (key, n = 1) => { for (let i = 0; i < n; i++) await page.keyboard.press(key); };
  await press("Tab");
  await press("ArrowDown"); // NHS trust -> Primary care
  await press("Tab"); // the role group
  await press("Space"); // senior leader
  await press("Tab", 2); // Back, Next
  await press("Enter");
  // Statements: Tab into each group, arrow keys to "Agree" (the fourth option).
  for (let step = 0; step < 8; step++) {
    assert.equal(await widget(page).locator(".step-of").textContent(), `Step ${step + 2} of 10`);
    if (step === 0) await axe(page, "a foundation step");
    for (let q = 0; q < 3; q++) {
      await press("Tab");
      await press("ArrowRight", 3);
    }
    await press("Tab", 2); // Back, Next
    await press("Enter");
  }
  assert.equal(await heading(page).textContent(), "Check your answers");
  assert.match(await screen(page).textContent(), /You have answered every statement/);
  await axe(page, "the review");
  // The review offers each step (about you and eight foundations), then Back, See my results.
  await press("Tab", 11);
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent), "See my results");
  await press("Enter");
  assert.equal(await heading(page).textContent(), "Your results");
  // All "Agree" (4): 75 % everywhere except the reverse statement (4 -> 2): 58⅓ %.
  // Overall (7 × 75 + 58⅓) / 8 = 72.9…, cut toward zero: 72.
  assert.equal(await widget(page).locator(".overall").textContent(), "Overall: Maturing (72%), from 8 of 8 foundations");
  await axe(page, "the results");
  const canvas = widget(page).locator("canvas");
  assert.match(await canvas.getAttribute("aria-label"), /Radar chart of your scores\. .*Highest/);
  // Strengths first: the first foundation listed has the highest score.
  const firstBand = await widget(page).locator("ol.foundations > li .band").first().textContent();
  assert.equal(firstBand, "75% · Maturing");
  // The chart as a table: a toggle whose name stays the same, its state pressed.
  const toggle = widget(page).getByRole("button", { name: "Show the chart as a table" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  await toggle.click();
  assert.equal(await widget(page).locator("table tr").count(), 9);
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.equal(await widget(page).locator("caption").textContent(), "Your score and band for each foundation");
  await axe(page, "the results as a table");
  const log = await page.evaluate(() => window.__events);
  assert.equal(log.filter((e) => e.type === "fc-ready").length, 1);
  assert.ok(log.filter((e) => e.type === "fc-change").length >= 26);
  const complete = log.find((e) => e.type === "fc-complete");
  assert.equal(complete.detail.overall.band, "maturing");
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.deepEqual(saved.response.respondent, { sector: "primary-care", role: "senior-leader" });
  assert.equal(Object.keys(saved.response.answers).length, 24);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("answers are saved as they are given and a reload restores the exact place", async () => {
  const { page, ctx } = await open("/basic.html");
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  await answerStep(page, "Disagree");
  await widget(page).getByRole("button", { name: "Next" }).click();
  await widget(page).getByRole("group", { name: /agree on the causes/ }).getByRole("radio", { name: "Don't know" }).check();
  await page.reload();
  assert.equal(await heading(page).textContent(), "A shared, broad understanding of health and of the problem");
  assert.equal(await widget(page).getByRole("group", { name: /agree on the causes/ }).getByRole("radio", { name: "Don't know" }).isChecked(), true);
  assert.equal(await widget(page).locator(".answered").textContent(), "4 of 24 statements answered");
  // Start again asks first, and "No" keeps everything.
  await widget(page).getByRole("button", { name: "Back" }).click();
  await widget(page).getByRole("button", { name: "Back" }).click();
  await widget(page).getByRole("button", { name: "Back" }).click();
  await widget(page).getByRole("button", { name: "Start again" }).click();
  assert.match(await widget(page).getByRole("alertdialog").textContent(), /clears your answers/);
  await widget(page).getByRole("button", { name: "No, keep them" }).click();
  assert.ok(await page.evaluate((k) => localStorage.getItem(k), KEY));
  await widget(page).getByRole("button", { name: "Start again" }).click();
  await widget(page).getByRole("button", { name: "Yes, clear my answers" }).click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  assert.equal(await widget(page).getByRole("button", { name: "Start the self-check" }).count(), 1);
  await ctx.close();
});

test("a corrupted or foreign saved value is set aside with a message, never a blank widget", async () => {
  for (const bad of ["{not json", JSON.stringify({ v: 1, screen: "f2", response: { framework: "other", version: "9", answers: {} } })]) {
    const { page, ctx, problems } = await open("/basic.html");
    // Wait until the widget has read storage, so it cannot read the bad value first.
    await heading(page).waitFor();
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, bad]);
    await page.reload();
    await heading(page).waitFor();
    const notice = await widget(page).locator(".notice").textContent();
    assert.match(notice, /could not be read, so they have been set aside \(under "foundations-check:place-based-partnership@1\.0\.0:set-aside:\d+"\)/);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("set-aside")).map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, [bad]);
    assert.equal(await widget(page).getByRole("button", { name: "Start the self-check" }).count(), 1);
    assert.deepEqual(problems, []);
    await ctx.close();
  }
});

async function finishAll(page, label = "Agree") {
  await widget(page).getByRole("button", { name: /Start the self-check|Continue/ }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  for (let i = 0; i < 8; i++) {
    await answerStep(page, label);
    await widget(page).getByRole("button", { name: "Next" }).click();
  }
  await widget(page).getByRole("button", { name: "See my results" }).click();
}

test("results can be taken away: SVG, PNG, JSON, CSV, share code and link", async () => {
  const { page, ctx, problems } = await open("/basic.html");
  await finishAll(page, "Strongly agree");
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent("download"), widget(page).getByRole("button", { name }).click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };
  // "Print a report": the results fit one A4 page.
  await page.emulateMedia({ media: "print" });
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) || []).length, 1, "the printed report takes more than one A4 page");
  await page.emulateMedia({ media: "screen" });
  const svg = await download("Download chart (SVG)");
  assert.match(svg.name, /^place-based-partnership-\d{4}-\d{2}-\d{2}\.svg$/);
  assert.match(svg.body.toString(), /^<svg [^>]*role="img"/);
  const png = await download("Download chart (PNG)");
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const json = JSON.parse((await download("Download answers (JSON)")).body.toString());
  assert.equal(json.answers["purpose-1"], 5);
  const csv = (await download("Download answers (CSV)")).body.toString();
  assert.match(csv, /^\uFEFF"framework","version","submittedAt"/);
  // The share link opens the same results for whoever receives it.
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
  await widget(page).getByRole("button", { name: "Copy share link" }).click();
  const link = await widget(page).locator("input.share").inputValue();
  assert.match(link, /\/basic\.html#fc=[A-Za-z0-9_-]{20,40}$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Copied: shown and said, focus kept on the button.
  assert.equal(await widget(page).locator(".copied").textContent(), "Copied.");
  assert.equal(await widget(page).locator("[role=status]").first().textContent(), "Copied.");
  assert.equal(await page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement.textContent), "Copy share link");
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await heading(p2).waitFor();
  assert.equal(await heading(p2).textContent(), "Shared results");
  assert.equal(await widget(p2).locator(".overall").textContent(), await widget(page).locator(".overall").textContent());
  // Opening a shared result saves nothing in the receiver's browser.
  assert.equal(await p2.evaluate(() => localStorage.length), 0);
  await other.close();
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("the embed draws a person's chart exactly as the npm package's API does", async () => {
  // The self-check embed is built without the code for charts of several series
  // (chart::OVERLAYS); a one-series chart, with gaps, must not change for it.
  const { page, ctx, problems } = await open("/basic.html");
  const labels = ["Strongly disagree", "Agree", "Don't know", "Disagree", "Strongly agree", "Neither agree nor disagree", "Agree", "Disagree"];
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  for (const label of labels) {
    await answerStep(page, label);
    await widget(page).getByRole("button", { name: "Next" }).click();
  }
  await widget(page).getByRole("button", { name: "See my results" }).click();
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent("download"), widget(page).getByRole("button", { name }).click()]);
    return readFileSync(await d.path()).toString();
  };
  const svg = await download("Download chart (SVG)");
  const response = JSON.parse(await download("Download answers (JSON)"));
  const fw = builtinFramework("place-based-partnership");
  const chart = chartFromScore(fw, score(fw, response));
  assert.equal(chart.series.length, 1);
  assert.match(svg, /\(no score\)/, "the foundation answered \"Don't know\" is drawn without a score");
  assert.equal(svg, radarSvg({ ...chart, width: 800, height: 640 }));
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("text from a hostile framework is shown literally and nothing runs", async () => {
  const { page, ctx, problems } = await open("/url.html?f=hostile.json");
  await heading(page).waitFor();
  assert.match(await heading(page).textContent(), /^Title <script>window.__pwned=1<\/script><img src=x/);
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  assert.match(await widget(page).locator("legend").first().textContent(), /^Sector <script>/);
  await widget(page).getByRole("button", { name: "Next" }).click();
  assert.match(await heading(page).textContent(), /^Name <script>.*"quoted" & <b>bold<\/b>$/);
  assert.equal(await widget(page).getByRole("radio", { name: "<b>Agree</b>" }).count(), 3);
  for (let i = 0; i < 2; i++) {
    await answerStep(page, "<b>Strongly disagree</b>");
    await widget(page).getByRole("button", { name: "Next" }).click();
  }
  await widget(page).getByRole("button", { name: "See my results" }).click();
  assert.match(await screen(page).textContent(), /Action <script>window.__pwned=1<\/script>/);
  const injected = await page.evaluate(() => {
    const root = document.querySelector("foundations-check").shadowRoot;
    return { pwned: window.__pwned, tags: [...root.querySelectorAll("script, img, iframe, svg, b, i, u")].map((e) => e.tagName) };
  });
  assert.deepEqual(injected, { pwned: undefined, tags: [] });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("an invalid framework or a failed download is explained in the widget", async () => {
  let { page, ctx } = await open("/url.html?f=invalid.json");
  const alert = widget(page).getByRole("alert");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /questionnaire has problems/);
  assert.match(text, /scale\.max: must be greater than min \(5\)/);
  assert.match(text, /foundations: must have at least one foundation/);
  await ctx.close();
  ({ page, ctx } = await open("/url.html?f=missing.json"));
  await widget(page).getByRole("alert").waitFor();
  assert.match(await widget(page).getByRole("alert").textContent(), /missing\.json could not be loaded \(404/);
  await ctx.close();
});

test("under a strict Content-Security-Policy it works with no violation, and it asks the network for nothing", async () => {
  const { page, ctx, problems } = await open("/basic.html", { base: cspServer });
  await heading(page).waitFor();
  await finishAll(page);
  assert.equal(await widget(page).locator("canvas").count(), 1);
  const painted = await page.evaluate(() => {
    const c = document.querySelector("foundations-check").shadowRoot.querySelector("canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] && d[i] < 200) n++;
    return n;
  });
  assert.ok(painted > 2000, `chart painted ${painted} pixels`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(cspServer.requests.filter((r) => r !== "/favicon.ico"), ["/basic.html", "/foundations-check.js"]);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("loading the script twice and two widgets on a page do no harm", async () => {
  const { page, ctx, problems } = await open("/twice.html");
  await widget(page).locator("h2").waitFor();
  await page.locator("#b").locator("h2, p").first().waitFor();
  assert.equal(await page.locator("#a h2").textContent(), "Foundations for place-based partnership");
  await page.locator("#a").getByRole("button", { name: "Start the self-check" }).click();
  assert.equal(await page.locator("#a h2").textContent(), "About you");
  assert.equal(await page.locator("#b").getByRole("button", { name: "Start the self-check" }).count(), 0);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("it works from a page opened as a file (the team view too), and in a phone-width column", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto("file://" + join(root, "basic.html"));
  await heading(page).waitFor();
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  await widget(page).getByRole("button", { name: "Next" }).click();
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await axe(page, "a foundation step at phone width");
  // From a file, a link would point at the sender's disk: the code only.
  await page.evaluate(() => {
    const el = document.querySelector("foundations-check");
    el.setAttribute("mode", "results");
    el.response = { framework: "place-based-partnership", version: "1.0.0", answers: { "purpose-1": 4, "purpose-2": 4 } };
  });
  assert.equal(await widget(page).getByRole("button", { name: "Copy share code" }).count(), 1);
  assert.equal(await widget(page).getByRole("button", { name: "Copy share link" }).count(), 0);
  assert.match(await screen(page).textContent(), /would point at your own computer/);
  // The team view's script is found beside the first from a file, too.
  await page.goto("file://" + join(root, "team.html"));
  await widget(page).locator("textarea").waitFor();
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("a response with unusual text cannot break the widget", async () => {
  const { page, ctx, problems } = await open("/basic.html");
  await heading(page).waitFor();
  // Text where a time belongs is refused with a message naming it (a time is read as
  // a time, never kept as text); the widget carries on.
  const error = await page.evaluate(() => {
    const el = document.querySelector("foundations-check");
    el.setAttribute("mode", "results");
    try {
      el.response = { framework: "place-based-partnership", version: "1.0.0", answers: { "purpose-1": 4, "purpose-2": 4 }, submittedAt: "aééééééééé<script>" };
    } catch (e) {
      return e.message;
    }
  });
  assert.match(error, /^submittedAt: "aééééééééé<script>" is not a date and time this can read/);
  await page.evaluate(() => {
    document.querySelector("foundations-check").response = { framework: "place-based-partnership", version: "1.0.0", answers: { "purpose-1": 4, "purpose-2": 4 }, submittedAt: "2026-11-22T10:30:15.250+01:00" };
  });
  const saved = await page.evaluate(() => document.querySelector("foundations-check").response);
  assert.equal(saved.submittedAt, "2026-11-22T09:30:15Z");
  const [d] = await Promise.all([page.waitForEvent("download"), widget(page).getByRole("button", { name: "Download answers (JSON)" }).click()]);
  // Named after the day it was submitted.
  assert.equal(d.suggestedFilename(), "place-based-partnership-2026-11-22.json");
  // Still alive: the table toggle works.
  await widget(page).getByRole("button", { name: "Show the chart as a table" }).click();
  assert.equal(await widget(page).locator("table tr").count(), 9);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("hosts can override the text, set a framework object, and read the response", async () => {
  const { page, ctx, problems } = await open("/basic.html");
  await heading(page).waitFor();
  await page.evaluate(() => {
    const el = document.querySelector("foundations-check");
    el.strings = { start: "Begin the check", next: "Continue" };
  });
  assert.equal(await widget(page).getByRole("button", { name: "Begin the check" }).count(), 1);
  const fw = await page.evaluate(() => document.querySelector("foundations-check").framework);
  fw.id = "our-own";
  fw.title = "Our own questions";
  fw.foundations = fw.foundations.slice(0, 2);
  await page.evaluate((f) => { document.querySelector("foundations-check").framework = f; }, fw);
  assert.equal(await heading(page).textContent(), "Our own questions");
  // The property gives back the framework as it was set.
  assert.deepEqual(await page.evaluate(() => document.querySelector("foundations-check").framework), fw);
  await widget(page).getByRole("button", { name: "Begin the check" }).click();
  await widget(page).getByRole("button", { name: "Continue" }).click();
  await answerStep(page, "Agree");
  const r = await page.evaluate(() => document.querySelector("foundations-check").response);
  assert.equal(r.framework, "our-own");
  assert.deepEqual(Object.values(r.answers), [4, 4, 4]);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("a damaged embed file says so in the page instead of failing silently", async () => {
  // Characters in the middle of the packed WebAssembly changed, as a bad copy might.
  const file = readFileSync(join(root, "foundations-check.js"), "utf8");
  const packed = file.match(/"([A-Za-z0-9+/=]{50000,})"/)[1];
  const mid = packed.length >> 1;
  const damaged = file.replace(packed, packed.slice(0, mid) + "AAAAAAAAAAAAAAAA" + packed.slice(mid + 16));
  const ctx = await browser.newContext();
  await ctx.route("**/foundations-check.js", (route) => route.fulfill({ body: damaged, contentType: "text/javascript" }));
  const page = await ctx.newPage();
  await page.goto(server.url + "/basic.html");
  await page.waitForFunction(() => /could not start/.test(document.querySelector("foundations-check").shadowRoot.textContent));
  const said = await page.evaluate(() => document.querySelector("foundations-check").shadowRoot.textContent);
  // (Usually "its WebAssembly is damaged"; bytes that unpack but are wrong fail to compile.)
  assert.match(said, /^The self-check could not start: /);
  await ctx.close();
});

test("the widget never takes focus that the person did not move into it", async () => {
  const { page, ctx, problems } = await open("/basic.html");
  await heading(page).waitFor();
  // A restored place on page load does not pull focus into the widget.
  await widget(page).getByRole("button", { name: "Start the self-check" }).click();
  await page.reload();
  await heading(page).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "BODY");
  // Nor does a host page setting the response while someone types elsewhere.
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "host-input";
    input.setAttribute("aria-label", "host field");
    document.body.prepend(input);
    input.focus();
    const el = document.querySelector("foundations-check");
    el.setAttribute("mode", "results");
    el.response = { framework: "place-based-partnership", version: "1.0.0", answers: { "purpose-1": 4, "purpose-2": 4 } };
  });
  assert.equal(await page.evaluate(() => document.activeElement.id), "host-input");
  // The chart/table toggle keeps focus on itself.
  await widget(page).getByRole("button", { name: "Show the chart as a table" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("foundations-check").shadowRoot.activeElement?.getAttribute("aria-pressed")), "true");
  assert.deepEqual(problems, []);
  await ctx.close();
});
