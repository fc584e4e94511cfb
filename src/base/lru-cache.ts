// A map that keeps the most recently used entries, up to a count: for what is costly to build, asked for again
// and again, and must not grow with every new key a long-running process meets.

export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The value for `key`, built by `make` when absent; the least recently used entry goes when full. */
  get(key: string, make: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = make();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, made);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}
