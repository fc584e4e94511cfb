// The bundled examples are documentation: they must keep working (they run against dist/, built by the
// global setup).

import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (script: string): string => execFileSync("node", [join(root, "examples", script)], { encoding: "utf8" });

describe("examples", () => {
  it("demo.mjs cleans the bundled newsletter and prints the report", () => {
    const output = run("demo.mjs");
    const [html = "", report = ""] = output.split("--- report ---");
    expect(html).toContain("https://weekly-garden.example/articles/tomatoes?page=2");
    expect(html).not.toContain("utm_source");
    expect(html).not.toContain("open.mail-sender.example/track/open.php");
    expect(html).toContain("*|FNAME|*");
    expect(html).toContain("https://weekly-garden.example/unsubscribe?token=c0ffee1234");
    expect(report).toContain("removed-element");
    expect(report).toContain("[Mailchimp]");
  });

  it("custom-detector.mjs removes the beacon through a user detector", () => {
    const output = run("custom-detector.mjs");
    expect(output).toContain("<p>Order shipped.</p>\n");
    expect(output).toContain("acme-beacon");
    expect(output).not.toContain("beacon/91.png\" width");
  });
});
