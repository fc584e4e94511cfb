import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffPieces, tokenize } from "../../playground/diff.js";

const side = (pieces: ReturnType<typeof diffPieces>, drop: "added" | "removed"): string =>
  pieces!.filter((piece) => piece.kind !== drop).map((piece) => piece.text).join("");

describe("diffPieces", () => {
  it("marks a removed attribute, not the whole tag", () => {
    expect(diffPieces('<img src="a.png" ping="https://t.example/p">', '<img src="a.png">')).toEqual([
      { kind: "same", text: '<img src="a.png"' },
      { kind: "removed", text: ' ping="https://t.example/p"' },
      { kind: "same", text: ">" },
    ]);
  });

  it("marks a replaced URL as removed then added", () => {
    const pieces = diffPieces('<a href="https://shop.example/?utm_source=x">', '<a href="https://shop.example/">')!;
    expect(pieces.filter((piece) => piece.kind !== "same")).toEqual([
      { kind: "removed", text: '"https://shop.example/?utm_source=x"' },
      { kind: "added", text: '"https://shop.example/"' },
    ]);
  });

  it("is one same piece for equal texts, and gives up past maxEdits", () => {
    expect(diffPieces("<p>hi</p>", "<p>hi</p>")).toEqual([{ kind: "same", text: "<p>hi</p>" }]);
    expect(diffPieces("a b c d", "e f g h", 3)).toBeUndefined();
  });

  it("rebuilds both texts (property, fixed seed)", () => {
    const html = fc.stringMatching(/^[<>a-c "=\s/]{0,40}$/);
    fc.assert(
      fc.property(html, html, (before, after) => {
        const pieces = diffPieces(before, after);
        expect(side(pieces, "added")).toBe(before);
        expect(side(pieces, "removed")).toBe(after);
        expect(tokenize(before).join("")).toBe(before);
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});
