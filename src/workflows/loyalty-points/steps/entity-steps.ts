import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

/*
 * The create / update / delete steps of the loyalty module's admin-managed records (earn rules,
 * purchase reward rules, tiers), which differ only in their checks. Each resource's step files
 * say what is checked; these say how a step undoes itself.
 */

type Service = LoyaltyPointsModuleService

/** Creates records after `assert`; compensated by deleting the records it created. */
export function createEntitiesStep<TInput, TEntity extends { id: string }>(
  stepId: string,
  spec: {
    create: (service: Service, data: TInput[]) => Promise<TEntity[]>
    remove: (service: Service, ids: string[]) => Promise<void>
    assert?: (data: TInput[], container: MedusaContainer) => void | Promise<void>
  }
) {
  return createStep(
    stepId,
    async (data: TInput[], { container }) => {
      await spec.assert?.(data, container)
      const service = container.resolve<Service>(LOYALTY_POINTS_MODULE)
      const created = data.length ? await spec.create(service, data) : []
      return new StepResponse(
        created,
        created.map((row) => row.id)
      )
    },
    async (createdIds, { container }) => {
      if (!createdIds?.length) {
        return
      }
      await spec.remove(container.resolve<Service>(LOYALTY_POINTS_MODULE), createdIds)
    }
  )
}

/**
 * Updates records; unknown ids fail with NOT_FOUND, then `assert` sees each update beside the
 * stored record (its changed fields and `checkedFields`). Snapshots only the fields it changes and
 * restores them in the compensation.
 */
export function updateEntitiesStep<TUpdate extends { id: string }, TEntity extends { id: string }>(
  stepId: string,
  spec: {
    /** "Earn rule": the NOT_FOUND message names it. */
    label: string
    /** Stored fields `assert` reads besides the ones the update changes. */
    checkedFields?: readonly string[]
    list: (service: Service, ids: string[], select: string[]) => Promise<TEntity[]>
    update: (service: Service, data: TUpdate[]) => Promise<TEntity[]>
    assert?: (changes: { update: TUpdate; before: TEntity }[], container: MedusaContainer) => void | Promise<void>
  }
) {
  return createStep(
    stepId,
    async (data: TUpdate[], { container }) => {
      const service = container.resolve<Service>(LOYALTY_POINTS_MODULE)
      const fields = [...new Set(data.flatMap((d) => Object.keys(d)))].filter((f) => f !== "id")
      const previous = data.length
        ? await spec.list(
            service,
            data.map((d) => d.id),
            [...new Set(["id", ...(spec.checkedFields ?? []), ...fields])]
          )
        : []
      const changes = data.map((update) => {
        const before = previous.find((p) => p.id === update.id)
        if (!before) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `${spec.label} with id "${update.id}" not found`)
        }
        return { update, before }
      })
      await spec.assert?.(changes, container)
      // The stored values of exactly the fields the update sends, in the update's own shape.
      const dataBeforeUpdate: TUpdate[] = previous.map((row) =>
        Object.assign({} as TUpdate, Object.fromEntries(["id", ...fields].map((f) => [f, row[f as keyof TEntity]])))
      )
      const updated = data.length ? await spec.update(service, data) : []
      return new StepResponse(updated, { dataBeforeUpdate })
    },
    async (compensation, { container }) => {
      if (!compensation?.dataBeforeUpdate.length) {
        return
      }
      await spec.update(container.resolve<Service>(LOYALTY_POINTS_MODULE), compensation.dataBeforeUpdate)
    }
  )
}

/** Soft-deletes records; compensated by restoring them. */
export function deleteEntitiesStep(
  stepId: string,
  spec: {
    softDelete: (service: Service, ids: string[]) => Promise<unknown>
    restore: (service: Service, ids: string[]) => Promise<unknown>
  }
) {
  return createStep(
    stepId,
    async (ids: string[], { container }) => {
      if (!ids.length) {
        return new StepResponse(void 0, [] as string[])
      }
      await spec.softDelete(container.resolve<Service>(LOYALTY_POINTS_MODULE), ids)
      return new StepResponse(void 0, ids)
    },
    async (ids, { container }) => {
      if (!ids?.length) {
        return
      }
      await spec.restore(container.resolve<Service>(LOYALTY_POINTS_MODULE), ids)
    }
  )
}
