import type { z } from "@medusajs/framework/zod"
import { parseSegmentDefinition } from "../../segments/definition/schema"
import { forEachStep, StepsSchema, TriggerSchema, type AutomationStep, type AutomationTrigger } from "./schema"

export type DefinitionProblem = { path: string; message: string }

const pathOf = (root: string, parts: readonly PropertyKey[]) =>
  parts.reduce<string>((p, part) => (typeof part === "number" ? `${p}[${part}]` : `${p}.${String(part)}`), root)

/** The messages of a zod schema's failed parse, each prefixed with its path from `root` (`steps[1].template: ...`). */
function problems(error: z.ZodError, root: string): DefinitionProblem[] {
  return error.issues.map((issue) => {
    const path = pathOf(root, issue.path)
    const field = path.split(".").pop()!.replace(/\[\d+\]$/, "")
    // Messages that already start with their field name keep it once.
    const message = issue.message.startsWith(`${field} `) ? issue.message.slice(field.length + 1) : issue.message.replace(/^trigger\.\w+ /, "")
    return { path, message }
  })
}

export function parseTrigger(value: unknown): { ok: true; trigger: AutomationTrigger } | { ok: false; problems: DefinitionProblem[] } {
  const parsed = TriggerSchema.safeParse(value)
  return parsed.success ? { ok: true, trigger: parsed.data } : { ok: false, problems: problems(parsed.error, "trigger") }
}

/** Steps as zod checks their shape, then each split's condition through the segment parser (its paths under the split's). */
export function parseSteps(value: unknown): { ok: true; steps: AutomationStep[] } | { ok: false; problems: DefinitionProblem[] } {
  const parsed = StepsSchema.safeParse(value)
  if (!parsed.success) {
    return { ok: false, problems: problems(parsed.error, "steps") }
  }
  const found: DefinitionProblem[] = []
  forEachStep(parsed.data, (step, path) => {
    if (step.type !== "split") return
    const condition = parseSegmentDefinition(step.condition, `${path}.condition`)
    if (condition.ok) step.condition = condition.definition
    else found.push(...condition.issues)
  })
  return found.length ? { ok: false, problems: found } : { ok: true, steps: parsed.data }
}
