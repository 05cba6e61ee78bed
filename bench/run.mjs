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
import { execSync } from "node:child_process";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 2 : 20;
// `--team=10000` measures the team view at that size only.
const teamArg = process.argv.find((a) => a.startsWith("--team="));
const TEAM_SIZES = teamArg ? [Number(teamArg.slice(7))] : quick ? [100] : [1000, 10000, 50000];
// The npm API's aggregate, for the scaling curve (up to its limit of 64 MB of JSON).
const API_SIZES = teamArg ? [Number(teamArg.slice(7))] : quick ? [100] : [1000, 10000, 100000];
// Fewer runs for large sets, to keep the whole benchmark within a few minutes.
const runsFor = (n) => (quick ? RUNS : n >= 50000 ? 3 : n >= 10000 ? 8 : RUNS);
// The team view holds at most 50,000 responses and reads files of at most 20 MB
// (core::team): a JSON file is measured up to that size, share codes beyond.
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
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

// The CPU's full model name (Node gives what the kernel reports, which a virtual
// machine may shorten).
const cpuModel = (() => {
  try {
    return execSync("lscpu", { encoding: "utf8" }).match(/^Model name:\s*(.+)$/m)?.[1]?.trim() ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
})();
const results = { date: new Date().toISOString(), quick, machine: { cpu: cpuModel, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) }, browser: `Chromium ${version}`, sizes, figures: {} };

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
// A file chosen in the team view's file input, as a facilitator would: it is read a
// slice at a time. Time to the report, the longest task meanwhile (the Long Tasks API
// reports tasks over 50 ms; none means 0 here) and the JavaScript heap after.
async function fileImport(file) {
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
  await f.page.waitForFunction(() => window.__t1, null, { timeout: 300000 });
  const [took, longest, heap, added] = await f.page.evaluate(() => [
    window.__t1 - window.__t0,
    Math.max(0, ...window.__long.filter(([s]) => s >= window.__t0 - 1).map(([, d]) => d)),
    performance.memory?.usedJSHeapSize ?? null,
    document.querySelector("foundations-check").shadowRoot.querySelector(".report")?.textContent ?? "",
  ]);
  if (f.errors.length) throw new Error(f.errors.join("\n"));
  if (!/^Added [1-9]/.test(added)) throw new Error("nothing imported: " + added.slice(0, 200));
  await f.ctx.close();
  return { took, longest, heap };
}
for (const n of TEAM_SIZES) {
  const runs = runsFor(n);
  const list = teamResponses(n);
  const text = JSON.stringify({ responses: list });
  const jsonFile = text.length <= MAX_IMPORT_BYTES ? join(dir, `team-${n}.json`) : null;
  if (jsonFile) writeFileSync(jsonFile, text);
  const codesFile = join(dir, `team-${n}.txt`);
  writeFileSync(codesFile, list.map((r) => encodeResponse(fw, r)).join("\n") + "\n");
  const importMs = [], fileMs = [], longestTaskMs = [], codesMs = [], codesLongestMs = [];
  let heapAfterFile = null, heapAfterCodes = null;
  for (let i = 0; i < runs; i++) {
    if (jsonFile) {
      // importResponses() from a script reads it at once.
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
      const f = await fileImport(jsonFile);
      fileMs.push(f.took);
      longestTaskMs.push(f.longest);
      heapAfterFile = f.heap;
    }
    const c = await fileImport(codesFile);
    codesMs.push(c.took);
    codesLongestMs.push(c.longest);
    heapAfterCodes = c.heap;
  }
  results.figures.team[n] = {
    runs,
    jsonFileBytes: text.length,
    importAggregateDrawMs: importMs.length ? summary(importMs) : null,
    fileImportMs: fileMs.length ? summary(fileMs) : null,
    longestTaskMs: longestTaskMs.length ? summary(longestTaskMs) : null,
    codesFileImportMs: summary(codesMs),
    codesLongestTaskMs: summary(codesLongestMs),
    jsHeapAfterFileBytes: heapAfterFile,
    jsHeapAfterCodesBytes: heapAfterCodes,
  };
}

// The npm API's aggregate against plain JavaScript: an array of objects, its JSON
// text, and plain JavaScript given the objects or the text (JSON.parse first).
results.figures.api = {};
for (const n of API_SIZES) {
  const runs = runsFor(n);
  const { ctx, page } = await fresh("/api.html");
  await page.waitForFunction(() => window.__ready);
  await page.addScriptTag({ url: "/js-aggregate.js" });
  const list = teamResponses(n);
  await page.evaluate((l) => { window.__list = l; window.__text = JSON.stringify(l); }, list);
  const wasmAgg = [], textAgg = [], jsAgg = [], jsTextAgg = [];
  let arrayError = null;
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(() => {
      const fc = window.__fc, opts = { groupBy: "sector" };
      let t0 = performance.now(), a = null, error = null;
      try { a = fc.aggregate(fc.fw, window.__list, opts); } catch (e) { error = e.message.slice(0, 200); }
      const t1 = performance.now();
      const t = fc.aggregate(fc.fw, window.__text, opts);
      const t2 = performance.now();
      const b = window.jsAggregate(fc.fw, window.__list, "sector");
      const t3 = performance.now();
      window.jsAggregate(fc.fw, JSON.parse(window.__text), "sector");
      const t4 = performance.now();
      // The statistics must agree, or the comparison means nothing.
      const diff = t.foundations.map((f, k) => Math.abs(f.median - b.foundations[k].median) + Math.abs(f.sd - b.foundations[k].sd)).reduce((x, y) => x + y, 0);
      if (diff > 1e-6) throw new Error("the JavaScript statistics differ from the wasm ones");
      if (a && JSON.stringify(a) !== JSON.stringify(t)) throw new Error("the array and its text aggregate differently");
      return { array: error ? null : t1 - t0, error, text: t2 - t1, js: t3 - t2, jsText: t4 - t3 };
    });
    if (r.array !== null) wasmAgg.push(r.array);
    arrayError = r.error;
    textAgg.push(r.text);
    jsAgg.push(r.js);
    jsTextAgg.push(r.jsText);
  }
  const memory = await page.evaluate(() => ({ jsHeapBytes: performance.memory?.usedJSHeapSize ?? null, wasmMemoryBytes: window.__fc.memory() }));
  await ctx.close();
  results.figures.api[n] = {
    runs,
    aggregateWasmMs: wasmAgg.length ? summary(wasmAgg) : null,
    arrayError,
    aggregateWasmTextMs: summary(textAgg),
    aggregateJsMs: summary(jsAgg),
    aggregateJsFromTextMs: summary(jsTextAgg),
    ratioArray: wasmAgg.length ? median(wasmAgg) / median(jsAgg) : null,
    ratioText: median(textAgg) / median(jsTextAgg),
    memoryAfter: memory,
  };
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
  `Date ${results.date}; ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB; ${results.browser} (headless), pages served from 127.0.0.1. Times are medians of ${RUNS} runs (${RUNS * 5} for an update, after 10 to warm up; fewer for large sets, as the tables say) in milliseconds, with the interquartile range in brackets.`,
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
  "## Team view (ms)",
  "",
  "A file chosen in the team view is read a slice at a time (about 20 ms each), so the page keeps responding; `importResponses()` from a script reads it at once. The longest task is the longest stretch the page could not respond during the file import (the Long Tasks API reports tasks over 50 ms; 0 means none). The team view holds at most 50,000 responses and reads files of at most 20 MB, so a JSON file is measured up to 10,000 responses and a file of share codes (one a line) up to 50,000.",
  "",
  "| responses | runs | JSON file import, to the report drawn | longest task | `importResponses()` at once | share-code file import | longest task | per response (codes) | JS heap after |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...Object.entries(results.figures.team).map(([n, t]) => `| ${n} | ${t.runs} | ${t.fileImportMs ? ms(t.fileImportMs) : "over 20 MB"} | ${t.longestTaskMs ? ms(t.longestTaskMs) : "–"} | ${t.importAggregateDrawMs ? ms(t.importAggregateDrawMs) : "–"} | ${ms(t.codesFileImportMs)} | ${ms(t.codesLongestTaskMs)} | ${((t.codesFileImportMs.median * 1000) / n).toFixed(1)} µs | ${t.jsHeapAfterCodesBytes ?? "n/a"} |`),
  "",
  "## npm API: `aggregate` against plain JavaScript (ms)",
  "",
  "The same statistics (bench/js-aggregate.js, checked equal on every run), grouped by sector. An array of objects, and the same list as JSON text (the faster path for large sets: README, \"Large sets of responses\"), against plain JavaScript given the objects, or the text (`JSON.parse` first). The ratio is foundations-check's median over plain JavaScript's; per response is the JSON text's time divided by the number of responses (the scaling curve: flat means linear).",
  "",
  "| responses | runs | array | JSON text | plain JS (objects) | plain JS (text) | ratio (array) | ratio (text) | per response (text) | JS heap after | wasm memory after |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...Object.entries(results.figures.api).map(([n, t]) => `| ${n} | ${t.runs} | ${t.aggregateWasmMs ? ms(t.aggregateWasmMs) : "refused: over the 64 MB limit"} | ${ms(t.aggregateWasmTextMs)} | ${ms(t.aggregateJsMs)} | ${ms(t.aggregateJsFromTextMs)} | ${t.ratioArray === null ? "–" : t.ratioArray.toFixed(2)} | ${t.ratioText.toFixed(2)} | ${((t.aggregateWasmTextMs.median * 1000) / n).toFixed(2)} µs | ${t.memoryAfter.jsHeapBytes ?? "n/a"} | ${t.memoryAfter.wasmMemoryBytes} |`),
  "",
];
if (!quick) writeFileSync(new URL("../BENCHMARKS.md", here), lines.join("\n"));
console.log(lines.join("\n"));
