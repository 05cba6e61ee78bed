// The benchmark: foundations-check beside Chart.js (and SurveyJS for size), in
// headless Chromium, on pages served from 127.0.0.1. Writes bench/results.json and the
// table in BENCHMARKS.md. `--quick` runs each figure twice on small inputs, to prove
// the benchmark works (make test); it writes to a temporary file and asserts no times.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/serve.mjs";
import { initSync, builtinFramework, encodeResponse } from "../pkg/foundations_check.js";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 2 : 20;
// `--team=10000` measures the team view at that size only.
const teamArg = process.argv.find((a) => a.startsWith("--team="));
const TEAM_SIZES = teamArg ? [Number(teamArg.slice(7))] : quick ? [100] : [100, 1000, 10000];
const here = new URL(".", import.meta.url);
const repo = new URL("..", import.meta.url);
const read = (u) => readFileSync(u);
initSync({ module: read(new URL("pkg/foundations_check_bg.wasm", repo)) });
const fw = builtinFramework("place-based-partnership");

// ---- statistics ----
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); const h = (s.length - 1) * p; const lo = Math.floor(h); return s[lo] + (h - lo) * (s[Math.ceil(h)] - s[lo]); };
const summary = (xs) => ({ runs: xs.length, median: median(xs), q1: quantile(xs, 0.25), q3: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs) });

// ---- sizes ----
const size = (u) => { const b = read(u); return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length }; };
const mod = (p) => new URL(`node_modules/${p}`, here);
const sizes = {
  "foundations-check embed (foundations-check.js)": size(new URL("pkg/foundations-check.js", repo)),
  "foundations-check team embed (foundations-check-team.js)": size(new URL("pkg/foundations-check-team.js", repo)),
  "foundations-check npm .wasm": size(new URL("pkg/foundations_check_bg.wasm", repo)),
  "foundations-check npm glue (foundations_check.js)": size(new URL("pkg/foundations_check.js", repo)),
  "Chart.js chart.umd.min.js": size(mod("chart.js/dist/chart.umd.min.js")),
  "survey-core survey.core.min.js": size(mod("survey-core/survey.core.min.js")),
  "survey-js-ui survey-js-ui.min.js": size(mod("survey-js-ui/survey-js-ui.min.js")),
};

// ---- pages ----
const dir = mkdtempSync(join(tmpdir(), "fc-bench-"));
cpSync(new URL("pkg/foundations-check.js", repo), join(dir, "foundations-check.js"));
cpSync(new URL("pkg/foundations-check-team.js", repo), join(dir, "foundations-check-team.js"));
cpSync(new URL("pkg/foundations_check.js", repo), join(dir, "foundations_check.js"));
cpSync(new URL("pkg/foundations_check_bg.wasm", repo), join(dir, "foundations_check_bg.wasm"));
// The module's JavaScript snippets (plain-json.js), which foundations_check.js imports.
cpSync(new URL("pkg/snippets", repo), join(dir, "snippets"), { recursive: true });
cpSync(mod("chart.js/dist/chart.umd.min.js"), join(dir, "chart.umd.min.js"));

// One person's answers, and the same radar for both libraries.
const items = fw.foundations.flatMap((f) => f.items.map((i) => i.id));
const answers = Object.fromEntries(items.map((id, k) => [id, 1 + ((k * 7) % 5)]));
const response = { framework: fw.id, version: fw.version, answers, respondent: { sector: "nhs-trust", role: "manager" } };
const code = encodeResponse(fw, response);
writeFileSync(join(dir, "widget.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget</title>
<script>window.__t0 = performance.now(); document.addEventListener("fc-ready", () => { window.__start = performance.now() - window.__t0; });</script>
</head><body><script src="foundations-check.js"></script><foundations-check mode="results" storage-key="bench"></foundations-check></body></html>`);
const labels = fw.foundations.map((f) => f.shortName ?? f.name);
writeFileSync(join(dir, "chartjs.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chartjs</title>
<script>window.__t0 = performance.now();</script></head><body>
<script src="chart.umd.min.js"></script><canvas id="c" width="640" height="520"></canvas>
<script src="chartjs.js"></script></body></html>`);
writeFileSync(join(dir, "chartjs.js"), `
const values = ${JSON.stringify(fw.foundations.map((f, i) => null))};
window.__chart = new Chart(document.getElementById("c"), {
  type: "radar",
  data: { labels: ${JSON.stringify(labels)}, datasets: [{ label: "You", data: window.__values || [58, 50, 83, 50, 25, 17, 67, 50], fill: true }] },
  options: { animation: false, responsive: false, scales: { r: { min: 0, max: 100, ticks: { stepSize: 25 } } } },
});
window.__start = performance.now() - window.__t0;
`);
writeFileSync(join(dir, "team.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>team</title></head><body>
<script src="foundations-check.js"></script><foundations-check mode="team" storage-key="bench-team"></foundations-check></body></html>`);
writeFileSync(join(dir, "api.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>api</title></head><body>
<script type="module" src="api.js"></script></body></html>`);
writeFileSync(join(dir, "api.js"), `
import init, { builtinFramework, aggregate } from "./foundations_check.js";
const exports = await init();
window.__fc = { fw: builtinFramework("place-based-partnership"), aggregate, memory: () => exports.memory.buffer.byteLength };
window.__ready = true;
`);
// A straightforward JavaScript implementation of the same statistics, for comparison.
writeFileSync(join(dir, "js-aggregate.js"), readFileSync(new URL("js-aggregate.js", here)));

const server = await serve(dir);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--enable-precise-memory-info"],
});
const version = browser.version();

async function fresh(path) {
  const ctx = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + path);
  return { ctx, page, errors };
}

const results = { date: new Date().toISOString(), quick, machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) }, browser: `Chromium ${version}`, sizes, figures: {} };

// Start: script tag to first radar drawn.
const start = { widget: [], chartjs: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [name, path] of [["widget", `/widget.html#fc=${code}`], ["chartjs", "/chartjs.html"]]) {
    const { ctx, page, errors } = await fresh(path);
    await page.waitForFunction(() => window.__start !== undefined, null, { timeout: 30000 });
    start[name].push(await page.evaluate(() => window.__start));
    if (errors.length) throw new Error(errors.join("\n"));
    await ctx.close();
  }
}
results.figures.startMs = { widget: summary(start.widget), chartjs: summary(start.chartjs), ratio: median(start.widget) / median(start.chartjs) };

// Update: one answer changed until the radar is redrawn (the widget's results view,
// given a new response) against Chart.js' update() with the same change. Each is
// warmed up with 10 updates, then timed over 5 x RUNS (a single update is a few ms,
// so 20 samples on a shared machine were too noisy to compare).
{
  const { ctx, page } = await fresh(`/widget.html#fc=${code}`);
  await page.waitForFunction(() => window.__start !== undefined);
  const widget = await page.evaluate(({ response, runs }) => {
    const el = document.querySelector("foundations-check");
    const times = [];
    for (let i = -10; i < runs; i++) {
      const r = structuredClone(response);
      r.answers["purpose-1"] = 1 + ((i + 10) % 5);
      const t = performance.now();
      el.response = r;
      if (i >= 0) times.push(performance.now() - t);
    }
    return times;
  }, { response, runs: RUNS * 5 });
  await ctx.close();
  const c = await fresh("/chartjs.html");
  await c.page.waitForFunction(() => window.__start !== undefined);
  const chartjs = await c.page.evaluate((runs) => {
    const times = [];
    for (let i = -10; i < runs; i++) {
      const t = performance.now();
      window.__chart.data.datasets[0].data[0] = (i + 10) % 5 * 25;
      window.__chart.update("none");
      if (i >= 0) times.push(performance.now() - t);
    }
    return times;
  }, RUNS * 5);
  await c.ctx.close();
  results.figures.updateMs = { widget: summary(widget), chartjs: summary(chartjs), ratio: median(widget) / median(chartjs) };
}

// Team: import, aggregate and draw; aggregation alone against plain JavaScript.
function teamResponses(n) {
  const out = [];
  let s = 7;
  const rnd = () => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const sectors = fw.respondentFields[0].options.map((o) => o.id), roles = fw.respondentFields[1].options.map((o) => o.id);
  for (let i = 0; i < n; i++) {
    const a = {};
    for (const id of items) a[id] = rnd() < 0.05 ? "dontKnow" : 1 + Math.floor(rnd() * 5);
    out.push({ framework: fw.id, version: fw.version, answers: a, respondent: { sector: sectors[i % sectors.length], role: roles[i % roles.length] }, submittedAt: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:${String((i >> 5) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z` });
  }
  return out;
}
results.figures.team = {};
for (const n of TEAM_SIZES) {
  const text = JSON.stringify({ responses: teamResponses(n) });
  const importMs = [], fileMs = [], longestTaskMs = [], wasmAgg = [], jsAgg = [];
  const file = join(dir, `team-${n}.json`);
  writeFileSync(file, text);
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page, errors } = await fresh("/team.html");
    await page.waitForFunction(() => document.querySelector("foundations-check").framework);
    const ms = await page.evaluate((t) => {
      const el = document.querySelector("foundations-check");
      const t0 = performance.now();
      const r = el.importResponses(t, { name: "bench.json" });
      const ms = performance.now() - t0;
      if (r.added === 0) throw new Error("nothing imported: " + JSON.stringify(r.rejected.slice(0, 3)));
      return ms;
    }, text);
    importMs.push(ms);
    if (errors.length) throw new Error(errors.join("\n"));
    await ctx.close();
    // The same file chosen in the widget's file input, as a facilitator would: it is
    // read a slice at a time. Time to the report, and the longest task meanwhile (the
    // Long Tasks API reports tasks over 50 ms; none means 0 here).
    const f = await fresh("/team.html");
    await f.page.waitForFunction(() => document.querySelector("foundations-check").framework);
    await f.page.evaluate(() => {
      const root = document.querySelector("foundations-check").shadowRoot;
      window.__long = [];
      new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: "longtask" });
      root.addEventListener("change", () => { window.__t0 = performance.now(); }, true);
      new MutationObserver(() => {
        if (!window.__t1 && /^Added/.test(root.querySelector(".report")?.textContent || "")) window.__t1 = performance.now();
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await f.page.locator("#fc-files").setInputFiles(file);
    await f.page.waitForFunction(() => window.__t1, null, { timeout: 120000 });
    const [took, longest] = await f.page.evaluate(() => [window.__t1 - window.__t0, Math.max(0, ...window.__long.filter(([s]) => s >= window.__t0 - 1).map(([, d]) => d))]);
    fileMs.push(took);
    longestTaskMs.push(longest);
    if (f.errors.length) throw new Error(f.errors.join("\n"));
    await f.ctx.close();
  }
  const { ctx, page } = await fresh("/api.html");
  await page.waitForFunction(() => window.__ready);
  await page.addScriptTag({ url: "/js-aggregate.js" });
  const list = JSON.parse(text).responses;
  await page.evaluate((l) => { window.__list = l; }, list);
  for (let i = 0; i < RUNS; i++) {
    const [w, j] = await page.evaluate(() => {
      const t0 = performance.now();
      const a = window.__fc.aggregate(window.__fc.fw, window.__list, { groupBy: "sector" });
      const t1 = performance.now();
      const b = window.jsAggregate(window.__fc.fw, window.__list, "sector");
      const t2 = performance.now();
      // The two must agree, or the comparison means nothing.
      const diff = a.foundations.map((f, k) => Math.abs(f.median - b.foundations[k].median) + Math.abs(f.sd - b.foundations[k].sd)).reduce((x, y) => x + y, 0);
      if (diff > 1e-6) throw new Error("the JavaScript statistics differ from the wasm ones");
      return [t1 - t0, t2 - t1];
    });
    wasmAgg.push(w);
    jsAgg.push(j);
  }
  const memory = await page.evaluate(() => ({ jsHeapBytes: performance.memory?.usedJSHeapSize ?? null, wasmMemoryBytes: window.__fc.memory() }));
  await ctx.close();
  results.figures.team[n] = { importAggregateDrawMs: summary(importMs), fileImportMs: summary(fileMs), longestTaskMs: summary(longestTaskMs), aggregateWasmMs: summary(wasmAgg), aggregateJsMs: summary(jsAgg), memoryAfter: memory };
}
await browser.close();
server.close();
rmSync(dir, { recursive: true, force: true });

// ---- output ----
const out = quick ? join(tmpdir(), "fc-bench-results.json") : new URL("results.json", here);
writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
const ms = (s) => `${s.median.toFixed(2)} (${s.q1.toFixed(2)}–${s.q3.toFixed(2)})`;
const lines = [
  "# Benchmarks",
  "",
  "Written by `make bench` (bench/run.mjs); the raw figures are in bench/results.json.",
  `Date ${results.date}; ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB; ${results.browser} (headless), pages served from 127.0.0.1. Times are medians of ${RUNS} runs (${RUNS * 5} for an update, after 10 to warm up) in milliseconds, with the interquartile range in brackets.`,
  "",
  "## Size (bytes)",
  "",
  "| file | raw | gzip -9 |",
  "|---|---:|---:|",
  ...Object.entries(sizes).map(([k, v]) => `| ${k} | ${v.raw} | ${v.gzip} |`),
  `| SurveyJS (survey-core + survey-js-ui) | ${sizes["survey-core survey.core.min.js"].raw + sizes["survey-js-ui survey-js-ui.min.js"].raw} | ${sizes["survey-core survey.core.min.js"].gzip + sizes["survey-js-ui survey-js-ui.min.js"].gzip} |`,
  "",
  "## Speed (ms)",
  "",
  "| figure | foundations-check | Chart.js | ratio |",
  "|---|---:|---:|---:|",
  `| start: script tag to first radar drawn | ${ms(results.figures.startMs.widget)} | ${ms(results.figures.startMs.chartjs)} | ${results.figures.startMs.ratio.toFixed(2)} |`,
  `| update: one answer changed to radar redrawn | ${ms(results.figures.updateMs.widget)} | ${ms(results.figures.updateMs.chartjs)} | ${results.figures.updateMs.ratio.toFixed(2)} |`,
  "",
  "## Team (ms)",
  "",
  "A file chosen in the team view is read a slice at a time (about 20 ms each), so the page keeps responding; `importResponses()` from a script reads it at once. The longest task is the longest stretch the page could not respond during the file import (the Long Tasks API reports tasks over 50 ms; 0 means none).",
  "",
  "| responses | file import, to the report drawn | longest task meanwhile | `importResponses()` at once | aggregate (wasm) | aggregate (plain JS) | JS heap after | wasm memory after |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...Object.entries(results.figures.team).map(([n, t]) => `| ${n} | ${ms(t.fileImportMs)} | ${ms(t.longestTaskMs)} | ${ms(t.importAggregateDrawMs)} | ${ms(t.aggregateWasmMs)} | ${ms(t.aggregateJsMs)} | ${t.memoryAfter.jsHeapBytes ?? "n/a"} | ${t.memoryAfter.wasmMemoryBytes} |`),
  "",
];
if (!quick) writeFileSync(new URL("../BENCHMARKS.md", here), lines.join("\n"));
console.log(lines.join("\n"));
