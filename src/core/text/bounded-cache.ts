// A small least-recently-used cache bounded by entry count and by a size measure, so caching parsed
// chunks can never grow without limit while a user types for hours.

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    private readonly sizeOf: (key: K) => number,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.entries.has(key)) this.entries.delete(key);
    else this.total += this.sizeOf(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxSize) break;
      this.entries.delete(oldest);
      this.total -= this.sizeOf(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
