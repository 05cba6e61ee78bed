// Shared set-up of the end-to-end tests: a temporary site with the test pages and the
// embed, served twice (plain, and with the strict CSP), a browser, pages that record
// errors, dialogs and CSP violations, and axe-core.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { launch } from "./browser.mjs";
import { serve } from "./serve.mjs";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function startSite() {
  const root = mkdtempSync(join(tmpdir(), "fc-e2e-"));
  cpSync(new URL("pages/", import.meta.url), root, { recursive: true });
  for (const file of ["foundations-check.js", "foundations-check-team.js"]) {
    cpSync(new URL(`../../pkg/${file}`, import.meta.url), join(root, file));
  }
  const site = {
    root,
    server: await serve(root),
    cspServer: await serve(root, { headers: { "content-security-policy": CSP } }),
    browser: await launch(),
  };
  site.close = async () => {
    await site.browser.close();
    site.server.close();
    site.cspServer.close();
    rmSync(root, { recursive: true, force: true });
  };
  return site;
}

/** A fresh context and page that collect page errors, dialogs, CSP violations and the
 * widget's events (which bubble out to the document). */
export async function openPage(site, path, { base = site.server, viewport = { width: 1000, height: 900 } } = {}) {
  const ctx = await site.browser.newContext({ viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  // The widget reports what should never happen (a message meeting its model in use).
  page.on("console", (m) => { if (m.type() === "error" && m.text().includes("foundations-check: a bug")) problems.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__events = [];
    for (const t of ["fc-ready", "fc-change", "fc-complete"]) document.addEventListener(t, (e) => window.__events.push({ type: t, detail: e.detail }));
  });
  await page.goto(base.url + path);
  return { page, ctx, problems };
}

/** Runs axe-core on the widget (it reaches into open shadow roots) against WCAG 2.2 AA
 * and best practice, and fails on any violation. */
export async function axe(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector("foundations-check"), {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}
