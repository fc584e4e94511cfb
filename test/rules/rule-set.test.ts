// Validating the allow and block rules (their matching is in rules.test.ts).

import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/rules/rule-set.js";
import { stripTracking } from "../../src/index.js";

describe("compileRules", () => {
  it("refuses a rule with both a selector and a url (which one would apply?), naming the option", () => {
    for (const option of ["allow", "block"] as const) {
      expect(() => compileRules([{ selector: "img", url: "t.example" }], option)).toThrow(
        new TypeError(`strip-tracking: option "${option}" entries take a selector or a url, not both: give them as two rules`),
      );
      expect(() => stripTracking("<p>x</p>", { [option]: [{ selector: "img", url: "t.example" }] } as never)).toThrow(`option "${option}"`);
      expect(() => compileRules([{ selector: "img", url: undefined }], option)).toThrow(/not both/);
    }
  });

  it("takes a selector string, { selector } and { url } as before", () => {
    expect(compileRules(["img", { selector: "p" }, { url: "t.example/o" }], "block").isEmpty).toBe(false);
    expect(compileRules(undefined, "allow").isEmpty).toBe(true);
  });
});
