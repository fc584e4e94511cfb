// `npm run screenshots`: regenerates the README's pictures (docs/verify-report.png, docs/verify-mail.png,
// docs/playground.png) from mails written here, with the built verify command and the built playground.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { verify } from "../dist/cli/verify.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "screenshots-"));
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const newsletter = `<!DOCTYPE html><html><head><style>
body { font-family: Georgia, serif; color: #222; margin: 0; } .wrap { max-width: 560px; margin: 0 auto; padding: 16px; }
h1 { font-size: 26px; } .cta { background: #0a7d55; color: #fff; padding: 10px 18px; text-decoration: none; }
</style></head><body><div class="wrap">
<img src="https://cdn.news.example/logo.png" width="160" height="48" alt="The Weekly Example">
<h1>Five things worth reading this week</h1>
<img src="https://cdn.news.example/hero.jpg" width="560" height="220" alt="">
<p>Short essays on gardens, trains and the history of the paperclip. Each one takes about four minutes.</p>
<p><a class="cta" href="https://news.example/issue/42?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=w42">Read the issue</a></p>
<p>You get this because you subscribed at news.example.</p>
<img src="https://list-manage.example/track/open.php?u=5f1c2a&amp;id=9a8b7c&amp;e=3d4e5f" width="1" height="1" alt="">
<img src="https://t.mailer.example/o/ZXhhbXBsZS1yZWNpcGllbnQtdG9rZW4.gif" width="1" height="1" style="display:block;border:0" alt="">
</div></body></html>`;

const receipt = `<!DOCTYPE html><html><head><style>
body { font-family: Helvetica, Arial, sans-serif; color: #222; } table { border-collapse: collapse; } td { padding: 6px 12px; border-bottom: 1px solid #ddd; }
</style></head><body>
<h2>Your receipt from Example Bakery</h2>
<table><tr><td>Sourdough loaf</td><td>4.20</td></tr><tr><td>Two croissants</td><td>3.60</td></tr><tr><td><b>Total</b></td><td><b>7.80</b></td></tr></table>
<p>Thank you. See you soon.</p></body></html>`;

const mails = join(work, "mails");
execFileSync("mkdir", ["-p", mails]);
writeFileSync(join(mails, "weekly-newsletter.html"), newsletter);
writeFileSync(join(mails, "bakery-receipt.html"), receipt);
const report = join(work, "verify-report");
// Relative paths, so the report names the mails as a user would have typed them.
process.chdir(work);
const code = await verify(["mails", "--out", "verify-report"], { stderr: () => {} });
if (code !== 0) throw new Error(`verify exited ${code} on the screenshot mails`);
const playground = join(work, "playground");
execFileSync(process.execPath, [join(root, "scripts", "build-playground.mjs"), playground], { stdio: "inherit" });

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--font-render-hinting=none"] });
const page = await browser.newPage({ viewport: { width: 1000, height: 560 }, deviceScaleFactor: 1 });
await page.route(/^(?!file:)/, (route) => route.abort());
const shoot = async (url, file, prepare = async () => {}) => {
  await page.goto(url);
  await prepare();
  const path = join(root, "docs", file);
  await page.screenshot({ path });
  process.stdout.write(`${file}: ${statSync(path).size} bytes\n`);
};
execFileSync("mkdir", ["-p", join(root, "docs")]);
await shoot(pathToFileURL(join(report, "index.html")).href, "verify-report.png");
await shoot(pathToFileURL(join(report, "weekly-newsletter.html")).href, "verify-mail.png");
await shoot(pathToFileURL(join(playground, "index.html")).href, "playground.png", async () => {
  await page.setViewportSize({ width: 960, height: 500 });
  await page.fill("#input", newsletter);
  await page.click("#run");
  await page.waitForSelector("#findings li");
  await page.waitForTimeout(300);
});
await browser.close();
rmSync(work, { recursive: true, force: true });
