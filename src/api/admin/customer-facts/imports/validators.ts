import { z } from "@medusajs/framework/zod"
import { HISTORY_IMPORT_STATUSES } from "../../../../modules/customer-facts/models/history-import"
import { createEnumListParam, createPaginationParams } from "../../../utils/validators"

/** The text fields of the multipart upload (the files are checked as they stream in). */
export const AdminCreateHistoryImport = z
  .object({
    dry_run: z
      .preprocess(
        (value) => (value === "true" || value === "1" ? true : value === "false" || value === "0" || value === "" ? false : value),
        z.boolean({ message: "dry_run must be true or false" })
      )
      .optional(),
  })
  .strict()
export type AdminCreateHistoryImportType = z.infer<typeof AdminCreateHistoryImport>

export const AdminHistoryImportsParams = createPaginationParams().extend({
  status: createEnumListParam(HISTORY_IMPORT_STATUSES, "status").optional(),
})
export type AdminHistoryImportsParamsType = z.infer<typeof AdminHistoryImportsParams>

export const AdminHistoryImportParams = z.object({})
export type AdminHistoryImportParamsType = z.infer<typeof AdminHistoryImportParams>
