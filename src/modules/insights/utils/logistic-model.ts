import LogisticRegression from "ml-logistic-regression"
import { Matrix } from "ml-matrix"

export type LogisticFit = {
  /** Intercept first, then one weight per standardised feature. */
  weights: number[]
  means: number[]
  sds: number[]
}

/**
 * Fits a logistic regression with ml-logistic-regression (batch gradient descent) on standardised
 * features plus an intercept column. The library sums the gradient over rows, so the learning
 * rate is divided by the row count. Its one-vs-all classifier 0 scores "not class 0", i.e. the
 * probability of label 1, and its weights are what we keep: scoring then runs in SQL.
 */
export function fitLogistic(rows: number[][], labels: boolean[], options: { steps: number; learningRate: number; means: number[]; sds: number[] }): LogisticFit {
  const { means, sds } = options
  const standardised = rows.map((row) => [1, ...row.map((v, i) => (sds[i] > 0 ? (v - means[i]) / sds[i] : 0))])
  const model = new LogisticRegression({ numSteps: options.steps, learningRate: options.learningRate / rows.length })
  model.train(new Matrix(standardised), Matrix.columnVector(labels.map((l) => (l ? 1 : 0))))
  const weights = model.classifiers[0].weights.to1DArray()
  return { weights, means, sds }
}

/** The probability the fitted model gives one feature row (for checks; bulk scoring is SQL). */
export function scoreRow(fit: LogisticFit, row: number[]): number {
  const z = row.reduce((sum, v, i) => sum + fit.weights[i + 1] * (fit.sds[i] > 0 ? (v - fit.means[i]) / fit.sds[i] : 0), fit.weights[0])
  return 1 / (1 + Math.exp(-z))
}
