// A host index can live as long as the process (the built-in tracker rules, the redirect rules): what its memo
// keeps per host must not keep the input the host was read from.

import { describe, expect, it } from "vitest";
import { HostIndex } from "../../src/url/host-index.js";
import { retained } from "../support/retained.js";

describe("HostIndex memo", () => {
  it("keeps nothing of the input a host name was sliced from", () => {
    const index = new HostIndex([{ hosts: ["list-manage.com"] }, {}]);
    let n = 0;
    const held = retained((parent) => {
      // A host read out of a large chunk (at least 13 characters: V8 copies shorter slices).
      const chunk = `host-${n++}.example.com ${parent}`;
      expect(index.matching(chunk.slice(0, chunk.indexOf(" ")))).toHaveLength(1);
      return index;
    });
    expect(held).toBeLessThan(2_000_000);
  });

});
