// End-to-end tests of frameworks as partnerships write them, in the self-check embed:
// a framework kept in the page itself (a child <script type="application/json">)
// under the strict CSP, statements on scales of their own with every level described,
// and a comment question, saved, announced and shown as text. axe-core checks each
// screen, and each is photographed for a person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, openPage, axe } from "./harness.mjs";

const SHOTS = process.env.FC_SHOTS || "/tmp/fc-shots";
const example = (name) => readFileSync(new URL(`../../frameworks/examples/${name}.json`, import.meta.url), "utf8");

/** A page whose element holds `body` in its <script type="application/json">. */
const page = (title, body) => `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<script src="foundations-check.js"></script>
<foundations-check>
  <script type="application/json">
${body}
  </script>
</foundations-check>
</main>
</body>
</html>
`;

let site;
before(async () => {
  site = await startSite();
  mkdirSync(SHOTS, { recursive: true });
  // As an editor pastes it: "</" inside a string written "<\/".
  const pulse = example("pulse-check").replace('"Partnership pulse check"', '"Partnership pulse check <\\/script>"');
  writeFileSync(join(site.root, "in-page-pulse.html"), page("Pulse check", pulse));
  writeFileSync(join(site.root, "in-page-matrix.html"), page("Maturity matrix", example("maturity-matrix")));
  writeFileSync(join(site.root, "in-page-script.html"), page("Not JSON", "const framework = { title: 'x' };"));
});
after(() => site?.close());

const widget = (p) => p.locator("foundations-check");
const heading = (p) => widget(p).locator("h2");

test("a framework in the page works under the strict CSP; a comment is written, saved, announced and shown as text", async () => {
  const { page: p, ctx, problems } = await openPage(site, "/in-page-pulse.html", { base: site.cspServer });
  await heading(p).waitFor();
  assert.equal(await heading(p).textContent(), "Partnership pulse check </script>");
  await widget(p).getByRole("button", { name: "Start the self-check" }).click();
  assert.equal(await heading(p).textContent(), "Energy");
  // Its own 1 to 10 scale.
  const first = widget(p).locator("fieldset").first();
  assert.equal(await first.getByRole("radio").count(), 10);
  await first.getByRole("radio", { name: "7", exact: true }).check();
  // The comment question: a text area named by its prompt, limited to its length.
  const area = widget(p).getByRole("textbox", { name: "What is giving or draining energy?" });
  assert.equal(await area.getAttribute("maxlength"), "280");
  assert.match(await area.getAttribute("aria-describedby"), /fc-comment-hint/);
  await area.fill("Too many meetings <b>again</b>");
  await axe(p, "a foundation with a comment question");
  await p.screenshot({ path: join(SHOTS, "self-check-comment.png"), fullPage: true });
  // Leaving the field saves it (the change event), and the page hears of it.
  await widget(p).getByRole("button", { name: "Next" }).click();
  assert.equal(await heading(p).textContent(), "Trust");
  const saved = await p.evaluate(() => Object.values({ ...localStorage }).join("\n"));
  assert.match(saved, /"comments":\{"energy":"Too many meetings <b>again<\/b>"\}/);
  const change = await p.evaluate(() => window.__events.filter((e) => e.type === "fc-change").pop().detail);
  assert.deepEqual(change.comments, { energy: "Too many meetings <b>again</b>" });
  // Back on the step it is in the field again. It is saved as it is typed: words
  // added, then the page reloaded with the cursor still in the field, keep them.
  await widget(p).getByRole("button", { name: "Back" }).click();
  assert.equal(await area.inputValue(), "Too many meetings <b>again</b>");
  await area.click();
  await p.keyboard.press("End");
  await p.keyboard.type(" today");
  await p.reload();
  await heading(p).waitFor();
  assert.equal(await heading(p).textContent(), "Energy");
  assert.equal(await area.inputValue(), "Too many meetings <b>again</b> today");
  await widget(p).getByRole("button", { name: "Next" }).click();
  while ((await heading(p).textContent()) !== "Check your answers") {
    await widget(p).getByRole("button", { name: "Next" }).click();
  }
  assert.match(await widget(p).locator(".review").textContent(), /Your comment: Too many meetings <b>again<\/b> today/);
  assert.equal(await widget(p).locator(".review b").count(), 0);
  await axe(p, "the review with a comment");
  // The results' event carries the score as the npm API gives it.
  await widget(p).getByRole("button", { name: "See my results" }).click();
  const done = await p.evaluate(() => window.__events.filter((e) => e.type === "fc-complete").pop().detail);
  assert.equal(done.foundations[0].id, "energy");
  assert.equal(done.foundations[0].percent, 200 / 3); // 7 on 1 to 10: (7 - 1) / 9
  assert.equal(done.foundations[0].status, "scored");
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("statements on their own scales show every level's description, and axe finds nothing", async () => {
  const { page: p, ctx, problems } = await openPage(site, "/in-page-matrix.html");
  await heading(p).waitFor();
  await widget(p).getByRole("button", { name: "Start the self-check" }).click();
  while ((await heading(p).textContent()) === "About you") {
    await widget(p).getByRole("button", { name: "Next" }).click();
  }
  assert.equal(await heading(p).textContent(), "Shared vision and purpose");
  const radios = widget(p).locator("fieldset").first().getByRole("radio");
  assert.equal(await radios.count(), 6);
  // Each level is named by its label and its sentence for this dimension.
  const level0 = widget(p).getByRole("radio", { name: /^Not started\s*Partners have not yet talked about what they want to achieve together\.$/ });
  await level0.check();
  assert.equal(await level0.getAttribute("value"), "0");
  await axe(p, "a statement with described levels");
  await p.screenshot({ path: join(SHOTS, "self-check-levels.png"), fullPage: true });
  // The next dimension describes its levels in its own words.
  await widget(p).getByRole("button", { name: "Next" }).click();
  assert.equal(await heading(p).textContent(), "Governance and decision-making");
  await widget(p).getByRole("radio", { name: /A shared meeting exists, but it discusses rather than decides\./ }).check();
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("JavaScript where the page's framework should be is named, not run", async () => {
  const { page: p, ctx } = await openPage(site, "/in-page-script.html", { base: site.cspServer });
  const alert = widget(p).getByRole("alert");
  await alert.waitFor();
  assert.match(
    await alert.textContent(),
    /the framework in the page's <script type="application\/json"> element is not a JSON object: it starts "const framework = \{ "; put only the framework's JSON inside it/,
  );
  await axe(p, "a framework error");
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  await ctx.close();
});
