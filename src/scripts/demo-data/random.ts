import { xoroshiro128plus, unsafeUniformIntDistribution } from "pure-rand"

/**
 * A seeded random source for the demo data: the same seed always yields the same sequence,
 * so the same seed builds the same store. Backed by pure-rand's xoroshiro128+.
 */
export class SeededRandom {
  private readonly generator: ReturnType<typeof xoroshiro128plus>

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed | 0)
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.generator)
  }

  /** Float in [0, 1). */
  next(): number {
    return unsafeUniformIntDistribution(0, 0x3fffffff, this.generator) / 0x40000000
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]
  }

  /** Picks by weight: `weighted([["a", 3], ["b", 1]])` yields "a" three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let roll = this.next() * total
    for (const [value, weight] of entries) {
      roll -= weight
      if (roll < 0) {
        return value
      }
    }
    return entries[entries.length - 1][0]
  }

  /** Approximately normal (sum of uniforms), for day-level noise on purchase gaps. */
  normal(mean: number, sd: number): number {
    let sum = 0
    for (let i = 0; i < 6; i++) {
      sum += this.next()
    }
    return mean + (sum - 3) * sd * Math.SQRT2
  }
}

/**
 * A stable 32-bit seed from a string, so every customer has an independent stream: FNV-1a, then
 * murmur3's finalizer. Without the finalizer neighbouring customers (same parts but the index)
 * got nearby seeds, and xoroshiro128+'s first draws from nearby seeds are correlated: the first
 * few hundred software members all drew nearly the same country.
 */
export function seedFrom(...parts: (string | number)[]): number {
  let h = 2166136261
  for (const ch of parts.join("|")) {
    h ^= ch.charCodeAt(0)
    h = Math.imul(h, 16777619)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
