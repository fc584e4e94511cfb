// The built-in tracker matcher is compiled once and shared for the life of the process: what it keeps per host
// must not keep the input the URLs were read from.

import { describe, expect, it } from "vitest";
import { openTrackers } from "../../src/data/open-trackers.js";
import { compileTrackers } from "../../src/detectors/known-tracker.js";
import { retained } from "../support/retained.js";

describe("known-tracker memory", () => {
  it("keeps nothing of the input a URL was sliced from", () => {
    const matcher = compileTrackers(openTrackers);
    let n = 0;
    const held = retained((parent) => {
      const chunk = `https://cdn-${n++}.example.com/img/1.png ${parent}`;
      expect(matcher.match(chunk.slice(0, chunk.indexOf(" ")), () => true)).toBeUndefined();
      return matcher;
    });
    expect(held).toBeLessThan(2_000_000);
  });
});
