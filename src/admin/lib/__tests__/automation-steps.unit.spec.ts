import { describeStep, placeLabel, stepAtPath } from "../../routes/automations/lib/describe"
import type { AutomationStep } from "../../routes/automations/lib/types"

const steps: AutomationStep[] = [
  { type: "wait", amount: 2, unit: "days" },
  {
    type: "split",
    condition: { and: [{ field: "order_count", op: "gte", value: 2 }, { not: { field: "tier", op: "in", values: ["gold"] } }] },
    yes: [{ type: "send_email", template: "vip" }],
    no: [{ type: "adjust_points", points: -20 }, { type: "end" }],
  },
]

describe("automation steps in the admin", () => {
  it("finds the step a program place names, through the branches", () => {
    expect(stepAtPath(steps, "steps[0]")).toEqual(steps[0])
    expect(stepAtPath(steps, "steps[1].yes[0]")).toEqual({ type: "send_email", template: "vip" })
    expect(stepAtPath(steps, "steps[1].no[1]")).toEqual({ type: "end" })
    expect(stepAtPath(steps, "steps[1].no[5]")).toBeUndefined()
    expect(stepAtPath(steps, "steps[0].yes[0]")).toBeUndefined()
    // A yes branch's closing jump is shown as its split.
    expect(stepAtPath(steps, "steps[1].yes.end")).toBe(steps[1])
  })

  it("says where a journey is and what a split tests in words", () => {
    expect(placeLabel("steps[1].no[0]")).toBe("step 2 › no › step 1")
    expect(placeLabel("steps[0]")).toBe("step 1")
    expect(describeStep(steps[1])).toBe("If order count, tier: 1 step(s), else 2")
    expect(describeStep({ type: "end" })).toBe("End the journey")
  })
})
