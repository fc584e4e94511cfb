import { describe, expect, it } from "vitest";
import { matchesNoScreen } from "../../src/css/screen-media.js";

describe("matchesNoScreen", () => {
  it.each([
    "print", "speech", "only print", "PRINT", "tv", "handheld", "not all", "not screen", "print, speech",
    "(max-width:0px)", "(max-width: 0)", "(width<0)", "(width < 1px)", "(width = 0)", "(1px > width)",
    "(min-width:100000px)", "(min-width:600px) and (max-width:100px)", "screen and (max-width:0.5px)",
    "(max-resolution:0dpi)", "(min-height:10px) and (max-height:9px)", "/* c */ print",
    "(width > 10px) and (width < 10px)", "(width > 10px) and (width <= 10px)",
  ])("%s matches no screen", (list) => {
    expect(matchesNoScreen(list)).toBe(true);
  });

  it.each([
    "", "all", "screen", "only screen", "screen, print", "print, screen", "not print", "not all and (max-width:0px)",
    "(max-width:600px)", "screen and (max-width:600px)", "only screen and (max-device-width:480px)", "(min-width:601px)",
    "(max-width:1px)", "(width <= 1px)", "(min-width:600px) and (max-width:600px)", "(prefers-color-scheme:dark)",
    "(max-width:0px) or (min-width:1px)", "(max-width:calc(0px))", "(max-width:0vw)", "(orientation:landscape)",
    "(min-width:99999px)", "not (max-width:0px)",
  ])("%s may match a screen", (list) => {
    expect(matchesNoScreen(list)).toBe(false);
  });
});
