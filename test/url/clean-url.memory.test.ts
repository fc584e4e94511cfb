// A cleaner outlives the URLs it cleans (one per configuration, over a whole stream): what it keeps per host must
// not keep the input those URLs were read from.

import { describe, expect, it } from "vitest";
import { createUrlCleaner } from "../../src/index.js";
import { retained } from "../support/retained.js";

describe("createUrlCleaner", () => {
  it("keeps nothing of the input a URL was sliced from", () => {
    let n = 0;
    const held = retained((parent) => {
      const clean = createUrlCleaner();
      // A URL read out of a large chunk, as the engine reads an href.
      const chunk = `https://host-${n++}.example/p?utm_source=a&id=1 ${parent}`;
      expect(clean(chunk.slice(0, chunk.indexOf(" "))).changed).toBe(true);
      return clean;
    });
    expect(held).toBeLessThan(2_000_000);
  });
});
