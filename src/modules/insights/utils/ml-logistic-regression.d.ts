// ml-logistic-regression ships no type declarations; this is the part of its API we use.
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix"

  class LogisticRegressionTwoClasses {
    weights: Matrix
    testScores(features: Matrix): number[]
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number })
    classifiers: LogisticRegressionTwoClasses[]
    numberClasses: number
    train(features: Matrix, target: Matrix): void
    predict(features: Matrix): number[]
  }
}
