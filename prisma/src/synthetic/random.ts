import { xoroshiro128plus } from 'pure-rand';

// Every value the generator makes, identifiers included, comes from this one stream: the same seed and the same
// options give byte-identical data, so records can point at persons by id without asking the database.

const TWO_TO_THE_32 = 4_294_967_296;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Items with relative weights, summed once so that each draw is a short scan. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], index) => {
      total += weight;
      this.cumulative[index] = total;
    });
  }

  /** The item whose slice of the total weight holds `fraction` (0 ≤ fraction < 1). */
  at(fraction: number): T {
    const target = fraction * (this.cumulative[this.cumulative.length - 1] as number);
    let index = 0;
    while (index < this.cumulative.length - 1 && (this.cumulative[index] as number) <= target) index++;
    return this.items[index] as T;
  }
}

export class SeededRandom {
  private readonly generator;

  constructor(seed: number, state?: readonly number[]) {
    this.generator = state ? xoroshiro128plus.fromState(state) : xoroshiro128plus(seed);
  }

  /** The generator's state, to continue the same stream in another thread. */
  state(): readonly number[] {
    return this.generator.getState();
  }

  /** A uniform unsigned 32-bit integer. */
  uint32(): number {
    return this.generator.unsafeNext() >>> 0;
  }

  /** A uniform number in [0, 1). */
  float(): number {
    return this.uint32() / TWO_TO_THE_32;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  weighted<T>(table: WeightedTable<T>): T {
    return table.at(this.float());
  }

  /** A day number (days since 1970-01-01) in [fromDay, toDay]. */
  day(fromDay: number, toDay: number): number {
    return this.int(fromDay, toDay);
  }

  /** Roughly normal around `median` with multiplicative spread `sigma`, as wages and balances are. */
  logNormal(median: number, sigma: number): number {
    // Sum of three uniforms: close enough to a normal for synthetic money, and cheaper than Box–Muller.
    const normal = (this.float() + this.float() + this.float() - 1.5) * 2;
    return median * Math.exp(normal * sigma);
  }

  /** `count` decimal digits, leading zeros kept. */
  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) text += String.fromCharCode(48 + Math.floor(this.float() * 10));
    return text;
  }

  /** A version-4 UUID drawn from this stream (never crypto.randomUUID: the data must replay from the seed). */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      `${HEX[a >>> 24]}${HEX[(a >>> 16) & 255]}${HEX[(a >>> 8) & 255]}${HEX[a & 255]}-` +
      `${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-${HEX[0x40 | ((b >>> 8) & 15)]}${HEX[b & 255]}-` +
      `${HEX[0x80 | ((c >>> 24) & 63)]}${HEX[(c >>> 16) & 255]}-${HEX[(c >>> 8) & 255]}${HEX[c & 255]}` +
      `${HEX[d >>> 24]}${HEX[(d >>> 16) & 255]}${HEX[(d >>> 8) & 255]}${HEX[d & 255]}`
    );
  }

  /** A deterministic shuffle (Fisher–Yates) of a copy of `items`. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}
