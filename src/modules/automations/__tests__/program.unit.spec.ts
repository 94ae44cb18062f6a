import fc from "fast-check"
import { parseSteps } from "../definition/parse"
import { compileProgram, type ProgramStep } from "../definition/program"
import type { AutomationStep } from "../definition/schema"

const condition = { field: "order_count", op: "gte", value: 2 } as const

/** What a journey does in the tree itself, branch answers given in order: the reference the flat program must agree with. */
function interpret(steps: AutomationStep[], answers: boolean[], visited: string[] = [], root = "steps"): { visited: string[]; ended: boolean } {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]
    const path = `${root}[${i}]`
    visited.push(path)
    if (step.type === "end") return { visited, ended: true }
    if (step.type === "split") {
      const yes = answers.shift() ?? false
      const inner = interpret(yes ? step.yes : step.no, answers, visited, `${path}.${yes ? "yes" : "no"}`)
      if (inner.ended) return inner
    }
  }
  return { visited, ended: false }
}

/** The runner's walk over the program: jumps and ends route, a split takes the next answer. */
function walk(program: ProgramStep[], answers: boolean[]): string[] {
  const visited: string[] = []
  for (let i = 0; i < program.length; ) {
    const step = program[i]
    if (step.type === "jump") {
      i = step.to
      continue
    }
    visited.push(step.path)
    if (step.type === "end") break
    if (step.type === "split") {
      i = (answers.shift() ?? false) ? i + 1 : step.no_at
      continue
    }
    i++
  }
  return visited
}

const leaf = fc.oneof(
  fc.constant<AutomationStep>({ type: "wait", amount: 1, unit: "hours" }),
  fc.constant<AutomationStep>({ type: "send_email", template: "t" }),
  fc.constant<AutomationStep>({ type: "adjust_points", points: 5 }),
  fc.constant<AutomationStep>({ type: "end" })
)
const tree = fc.letrec<{ steps: AutomationStep[]; step: AutomationStep }>((tie) => ({
  step: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constant("split" as const), condition: fc.constant(condition), yes: tie("steps"), no: tie("steps") })
  ),
  steps: fc.array(tie("step"), { maxLength: 4 }),
}))

describe("automation step programs", () => {
  it("lays a split out as test, yes branch, jump, no branch, and names every place by its path", () => {
    const program = compileProgram([
      { type: "wait", amount: 1, unit: "hours" },
      { type: "split", condition, yes: [{ type: "send_email", template: "vip" }], no: [{ type: "send_email", template: "regular" }, { type: "end" }] },
      { type: "send_email", template: "all" },
    ])
    expect(program.map((p) => [p.type, p.path])).toEqual([
      ["wait", "steps[0]"],
      ["split", "steps[1]"],
      ["send_email", "steps[1].yes[0]"],
      ["jump", "steps[1].yes.end"],
      ["send_email", "steps[1].no[0]"],
      ["end", "steps[1].no[1]"],
      ["send_email", "steps[2]"],
    ])
    expect(program[1]).toMatchObject({ no_at: 4 })
    expect(program[3]).toMatchObject({ to: 6 })
    // An empty no branch: "no" goes straight to the steps after the split, no jump needed.
    const noElse = compileProgram([{ type: "split", condition, yes: [{ type: "adjust_points", points: 1 }], no: [] }, { type: "end" }])
    expect(noElse.map((p) => p.type)).toEqual(["split", "adjust_points", "end"])
    expect(noElse[0]).toMatchObject({ no_at: 2 })
  })

  it("walks every tree as the tree itself reads, for any answers at its splits", () => {
    fc.assert(
      fc.property(tree.steps, fc.array(fc.boolean(), { maxLength: 20 }), (steps, answers) => {
        expect(walk(compileProgram(steps), [...answers])).toEqual(interpret(steps, [...answers]).visited)
      }),
      { numRuns: 500 }
    )
  })

  it("validates splits: conditions through the segment parser at their own path, nesting depth, and actions anywhere", () => {
    const ok = parseSteps([{ type: "split", condition, no: [{ type: "send_email", template: "x" }] }])
    expect(ok).toMatchObject({ ok: true, steps: [{ type: "split", yes: [], no: [{ type: "send_email" }] }] })
    const bad = parseSteps([{ type: "wait", amount: 1, unit: "days" }, { type: "split", condition: { field: "order_count", op: "around" }, yes: [{ type: "end" }, { type: "send_email", template: "y" }] }])
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.problems[0].path).toMatch(/^steps\[1\]\.condition/)
    const inner = parseSteps([{ type: "split", condition, yes: [{ type: "send_email" }] }])
    expect(inner).toMatchObject({ ok: false, problems: [{ path: "steps[0].yes[0].template" }] })
    expect(parseSteps([{ type: "split", yes: [{ type: "send_email", template: "z" }] }])).toMatchObject({ ok: false, problems: [{ path: "steps[0].condition" }] })
    const onlyRouting = parseSteps([{ type: "split", condition, yes: [{ type: "wait", amount: 1, unit: "days" }], no: [{ type: "end" }] }])
    expect(onlyRouting).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining("at least one action") }] })
    const deep = (n: number): unknown => ({ type: "split", condition, yes: n ? [deep(n - 1)] : [{ type: "send_email", template: "d" }] })
    expect(parseSteps([deep(2)]).ok).toBe(true)
    expect(parseSteps([deep(3)])).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining("nested at most 3 deep") }] })
  })
})
