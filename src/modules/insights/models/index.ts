export { CoPurchasePair } from "./co-purchase-pair"
export { CoPurchaseRun } from "./co-purchase-run"
