import { fitLogistic, scoreRow } from "../utils/logistic-model"
import { SeededRandom } from "../../../scripts/demo-data/random"

function stats(rows: number[][]) {
  const k = rows[0].length
  const means = Array.from({ length: k }, (_, i) => rows.reduce((s, r) => s + r[i], 0) / rows.length)
  const sds = means.map((m, i) => Math.sqrt(rows.reduce((s, r) => s + (r[i] - m) ** 2, 0) / rows.length))
  return { means, sds }
}

describe("fitLogistic", () => {
  it("learns a planted signal: the informative feature gets a large positive weight, the noise a small one", () => {
    const random = new SeededRandom(3)
    const rows: number[][] = []
    const labels: boolean[] = []
    for (let i = 0; i < 4000; i++) {
      const signal = random.next() * 4 - 2
      const noise = random.next() * 4 - 2
      rows.push([signal, noise])
      labels.push(random.chance(1 / (1 + Math.exp(-(2 * signal - 1)))))
    }
    const fit = fitLogistic(rows, labels, { steps: 300, learningRate: 1, ...stats(rows) })
    expect(fit.weights).toHaveLength(3)
    expect(fit.weights[1]).toBeGreaterThan(1)
    expect(Math.abs(fit.weights[2])).toBeLessThan(0.2)
    expect(scoreRow(fit, [2, 0])).toBeGreaterThan(0.9)
    expect(scoreRow(fit, [-2, 0])).toBeLessThan(0.1)
  })

  it("keeps a constant feature at weight 0 instead of dividing by its zero spread", () => {
    const rows = [[1, 5], [2, 5], [3, 5], [4, 5]]
    const fit = fitLogistic(rows, [false, false, true, true], { steps: 100, learningRate: 1, ...stats(rows) })
    expect(fit.weights[2]).toBe(0)
    expect(scoreRow(fit, [4, 5])).toBeGreaterThan(scoreRow(fit, [1, 5]))
  })
})
