export { Automation } from "./automation"
export { AutomationJourney } from "./automation-journey"
export { AutomationStepRun } from "./automation-step-run"
