// Serves a built app on 127.0.0.1 and checks in Chromium that it scored and drew.
import { chromium } from "playwright-core";
import { serve } from "../e2e/serve.mjs";

const dir = process.argv[2];
const server = await serve(dir);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector("body[data-done=yes]", { timeout: 15000 });
  const text = await page.textContent("#score");
  if (!/^Overall 72\.9% \(maturing\)$/.test(text)) throw new Error(`unexpected score text: ${text}`);
  const width = await page.$eval("#canvas", (c) => c.width);
  if (width < 640) throw new Error(`canvas not drawn (width ${width})`);
  if (errors.length) throw new Error(errors.join("\n"));
  console.log(`vite app: ok (${text})`);
} finally {
  await browser.close();
  server.close();
}
