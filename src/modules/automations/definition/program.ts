import type { SegmentNode } from "../../segments/definition/schema"
import type { AutomationStep, SplitStep } from "./schema"

type ActionOrWait = Exclude<AutomationStep, SplitStep | { type: "end" }>

/**
 * An automation's steps as the runner walks them: one flat list, so a journey's place is one
 * number (`step_index`) and each place is recorded once (unique per journey and index) however
 * deep it sits in the tree. A split becomes a test (yes goes on to the next place, no goes to
 * `no_at`) and its yes branch ends in a jump past the no branch; both branches meet again at the
 * steps after the split.
 */
export type ProgramStep =
  | (ActionOrWait & { path: string })
  | { type: "split"; condition: SegmentNode; no_at: number; path: string }
  | { type: "jump"; to: number; path: string }
  | { type: "end"; path: string }

/** The flat program of a step tree; `path` names each place in the tree (`steps[1].no[0]`). */
export function compileProgram(steps: AutomationStep[], root = "steps", program: ProgramStep[] = []): ProgramStep[] {
  steps.forEach((step, i) => {
    const path = `${root}[${i}]`
    if (step.type !== "split") {
      program.push({ ...step, path })
      return
    }
    const split = { type: "split" as const, condition: step.condition, no_at: -1, path }
    program.push(split)
    compileProgram(step.yes, `${path}.yes`, program)
    if (step.no.length) {
      const jump = { type: "jump" as const, to: -1, path: `${path}.yes.end` }
      program.push(jump)
      split.no_at = program.length
      compileProgram(step.no, `${path}.no`, program)
      jump.to = program.length
    } else {
      split.no_at = program.length
    }
  })
  return program
}
