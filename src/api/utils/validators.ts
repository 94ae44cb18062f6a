import { z } from "@medusajs/framework/zod"

/** `limit` (1–100) and `offset` (≥ 0) query parameters, coerced from the query string. */
export const createPaginationParams = ({ limit = 20, maxLimit = 100 }: { limit?: number; maxLimit?: number } = {}) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(maxLimit).default(limit),
    offset: z.coerce.number().int().min(0).default(0),
  })

/**
 * One of a fixed list of strings. Not `z.enum`: Medusa's error formatter reports a wrong value
 * inside an array (or the query string) as "Field ... is required"; this message names the field
 * and the allowed values.
 */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z.custom<T[number]>((value) => typeof value === "string" && values.includes(value), {
    message: `${field} must be one of: ${values.join(", ")}`,
  })

/** A query parameter given once, repeated or comma-separated, as an array of allowed values. */
export const createEnumListParam = <T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",") : value), z.array(oneOf(values, field)).min(1))
