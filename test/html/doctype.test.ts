import { describe, expect, it } from "vitest";
import { selectorsMatchCase } from "../../src/html/doctype.js";

describe("selectorsMatchCase", () => {
  it.each<[string, boolean | undefined]>([
    // No quirks.
    ["DOCTYPE html", true],
    ["doctype HTML", true],
    ["DOCTYPE html ", true],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"', true],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"', true],
    // Limited quirks: class names still match exactly.
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"', true],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd"', true],
    // Quirks.
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"', false],
    ['DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"', false],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"', false],
    ['DOCTYPE html SYSTEM "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"', false],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"', false],
    // Not told apart here: read as quirks mode.
    ["DOCTYPE svg", undefined],
    ['DOCTYPE html PUBLIC "-//IETF//DTD HTML//EN"', undefined],
    ["DOCTYPE html SYSTEM 'about:legacy-compat'", true],
  ])("%j -> %j", (doctype, expected) => {
    expect(selectorsMatchCase(doctype)).toBe(expected);
  });
});
