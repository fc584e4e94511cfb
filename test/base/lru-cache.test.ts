import { describe, expect, it } from "vitest";
import { LruCache } from "../../src/base/lru-cache.js";

describe("LruCache", () => {
  it("builds a value once per key and returns it while kept", () => {
    const cache = new LruCache<object>(4);
    let made = 0;
    const make = () => ({ n: ++made });
    const a = cache.get("a", make);
    expect(cache.get("a", make)).toBe(a);
    expect(made).toBe(1);
  });

  it("drops the least recently used entry when full, never more than its capacity", () => {
    const cache = new LruCache<string>(2);
    const made: string[] = [];
    const get = (key: string) => cache.get(key, () => (made.push(key), key));
    get("a");
    get("b");
    get("a"); // a is now the most recent: b goes next
    get("c");
    expect(cache.size).toBe(2);
    get("a");
    get("b");
    expect(made).toEqual(["a", "b", "c", "b"]);
  });
});
