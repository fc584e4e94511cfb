import { describe, expect, it } from "vitest";
import { type DocumentMode, documentMode } from "../../src/html/doctype.js";

describe("documentMode", () => {
  it.each<[string, DocumentMode]>([
    ["DOCTYPE html", "no-quirks"],
    ["doctype HTML", "no-quirks"],
    ["DOCTYPE html ", "no-quirks"],
    ["DOCTYPEhtml", "no-quirks"],
    ["DOCTYPE html SYSTEM 'about:legacy-compat'", "no-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"', "no-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"', "no-quirks"],
    // Adversarial review (adversary13): these were read as quirks mode; Chromium's document.compatMode is CSS1Compat.
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"', "no-quirks"],
    ['DOCTYPE html PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/xhtml-mobile12.dtd"', "no-quirks"],
    ['DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"', "no-quirks"],
    ['DOCTYPE html PUBLIC ""', "no-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"', "limited-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Frameset//EN"', "limited-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd"', "limited-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"', "quirks"],
    ['DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"', "quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"', "quirks"],
    ['DOCTYPE html PUBLIC "-//IETF//DTD HTML//EN"', "quirks"],
    ['DOCTYPE html PUBLIC "HTML"', "quirks"],
    ['DOCTYPE html SYSTEM "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"', "quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"', "quirks"],
    // Adversarial review (adversary14, Chromium): what follows a system identifier is only a parse error; an empty
    // system identifier is a missing one; anything else out of place forces quirks.
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" /', "no-quirks"],
    ['DOCTYPE html SYSTEM "about:legacy-compat" junk', "no-quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" ""', "quirks"],
    ['DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" /', "quirks"],
    ["DOCTYPE html /", "quirks"],
    ["DOCTYPE svg", "quirks"],
    ["DOCTYPE", "quirks"],
  ])("%j -> %s", (doctype, mode) => {
    expect(documentMode(doctype)).toBe(mode);
  });
});
