// Every href in the shared corpus of real tracked emails (read in place, never copied into the repo).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeHTMLAttribute } from "entities/decode";
import { describe, expect, it } from "vitest";
import { cleanUrl } from "../../src/url/clean-url.js";
import { trackingParams } from "../../src/data/tracking-params.js";

const dir = join(import.meta.dirname, "../../../shared/corpus/real-tracked");
const present = existsSync(dir);
if (!present) console.warn(`corpus test skipped: ${dir} is absent`);

// HTML bodies, raw MIME (.eml, .raw, extension-less dumps) and text; .msg is binary Outlook storage.
const files = present ? readdirSync(dir).filter((name) => !name.endsWith(".msg")) : [];

/** Undoes quoted-printable soft line breaks and "=3D" so hrefs in raw MIME are readable. */
function readText(name: string): string {
  const text = readFileSync(join(dir, name), "latin1");
  if (!/quoted-printable/i.test(text)) return text;
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const globalExact = new Set(trackingParams.filter((r) => !r.hosts && !r.name.endsWith("*")).map((r) => r.name.toLowerCase()));
const globalPrefixes = trackingParams.filter((r) => !r.hosts && r.name.endsWith("*")).map((r) => r.name.slice(0, -1).toLowerCase());

function paramNames(url: string): string[] {
  const decoded = decodeHTMLAttribute(url);
  const hash = decoded.indexOf("#");
  const main = hash < 0 ? decoded : decoded.slice(0, hash);
  const query = main.includes("?") ? main.slice(main.indexOf("?") + 1) : "";
  return query.split("&").filter(Boolean).map((p) => p.split("=")[0]?.toLowerCase() ?? "");
}

function hostOf(url: string): string | undefined {
  return /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(decodeHTMLAttribute(url))?.[1]?.toLowerCase();
}

/** The original URL decoded as far as it goes: percent-decoding layers, base64 path segments, JWT payloads. */
function decodedForms(url: string): string {
  let forms = decodeHTMLAttribute(url);
  let current = forms;
  for (let i = 0; i < 3; i++) {
    try {
      current = decodeURIComponent(current.replaceAll("-", "%").replaceAll("_", "/"));
    } catch {
      break;
    }
    forms += ` ${current}`;
  }
  for (const piece of url.split(/[/.?=&]/)) if (piece.length >= 8) forms += ` ${Buffer.from(piece, "base64").toString("latin1")}`;
  try {
    forms += ` ${decodeURIComponent(decodeHTMLAttribute(url))}`;
  } catch {
    // keep what we have
  }
  return forms.toLowerCase();
}

describe.skipIf(!present)("corpus: every href of the real tracked emails", () => {
  it.each(files)("%s", (name) => {
    const text = readText(name);
    let checked = 0;
    for (const match of text.matchAll(HREF)) {
      const href = match[1] ?? match[2] ?? "";
      const result = cleanUrl(href, { htmlAttribute: true });
      checked++;
      if (/^\s*https?:\/\//i.test(href)) expect(result.url, href).toMatch(/^\s*https?:\/\//i);
      if (!result.changed) continue;
      // An opaque tracker (even one reached by unwrapping) is kept as written; any other result must have no
      // parameter left that a global rule removes.
      for (const param of result.opaqueRedirect ? [] : paramNames(result.url)) {
        expect(globalExact.has(param), `${param} left in ${result.url}`).toBe(false);
        expect(globalPrefixes.some((p) => param.startsWith(p)), `${param} left in ${result.url}`).toBe(false);
      }
      if (result.changes.some((c) => c.kind === "unwrapped-redirect")) {
        const host = hostOf(result.url);
        expect(host, href).toBeDefined();
        expect(decodedForms(href), `${host} not in ${href}`).toContain(host ?? "");
      }
    }
    expect(checked).toBeGreaterThanOrEqual(0); // files without links are fine; the loop did the asserting
  });
});
