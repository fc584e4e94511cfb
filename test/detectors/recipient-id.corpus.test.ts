// On the shared corpus of real tracked mail (../shared/corpus, never copied here): after stripping with the
// addresses a message names (its To:/Cc:/Delivered-To: headers and every address written in it) as
// `recipient`, no URL a client fetches on open (parse5 oracle) carries one of them, raw, encoded or hashed.
// The check computes the forms with node:crypto, independently of the detector's @noble/hashes.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stripTracking } from "../../src/index.js";
import { fetches } from "../support/fetches.js";

const trackedDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus", "real-tracked");
const present = existsSync(trackedDir);
if (!present) console.warn(`recipient-id.corpus.test: ${trackedDir} is absent; skipping the corpus identifier check.`);

const addressPattern = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** The addresses a message names: headers first, then any written in the body (entity `&#64;` aside). */
function addressesOf(text: string): string[] {
  const found = new Set<string>();
  for (const [address] of text.matchAll(addressPattern)) {
    const lower = address.toLowerCase();
    // File names such as logo@2x.png are not addresses.
    if (!/\.(?:png|jpe?g|gif|webp|svg|css|js)$/.test(lower)) found.add(lower);
  }
  return [...found];
}

function forms(address: string): string[] {
  const hash = (algorithm: string) => createHash(algorithm).update(address).digest("hex");
  return [
    address,
    encodeURIComponent(address).toLowerCase(),
    address.replace("@", "%40"),
    Buffer.from(address).toString("hex"),
    hash("md5"),
    hash("sha1"),
    hash("sha256"),
    hash("sha512"),
  ];
}

const caseSensitiveForms = (address: string): string[] => [
  Buffer.from(address).toString("base64").replace(/=+$/, ""),
  Buffer.from(address).toString("base64url"),
];

const files = present ? readdirSync(trackedDir).sort() : [];

describe.skipIf(!present)(`no recipient identifier left in open-time fetches (${trackedDir})`, () => {
  it("finds addresses to look for in the corpus", () => {
    const withAddresses = files.filter((name) => addressesOf(readFileSync(join(trackedDir, name), "utf8")).length > 0);
    expect(withAddresses.length).toBeGreaterThan(10);
  });

  it.each(files)("%s", (name) => {
    const text = readFileSync(join(trackedDir, name), "utf8");
    const addresses = addressesOf(text);
    const output = stripTracking(text, addresses.length > 0 ? { recipient: addresses } : {});
    // Network fetches only: a `cid:` names an attachment of the message itself.
    const urls = fetches(output)
      .map((fetch) => fetch.absolute ?? fetch.url)
      .filter((url) => /^https?:/i.test(url));
    const leaks: string[] = [];
    for (const url of urls) {
      let decoded = url;
      try {
        decoded = decodeURIComponent(url);
      } catch {
        // keep the raw form
      }
      const lower = `${url}\n${decoded}`.toLowerCase();
      // The host names itself, not the reader: look after it.
      const path = (text: string) => text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
      for (const address of addresses) {
        if (forms(address).some((form) => path(lower).includes(form)) || caseSensitiveForms(address).some((form) => path(`${url}\n${decoded}`).includes(form))) {
          leaks.push(`${address} in ${url}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
