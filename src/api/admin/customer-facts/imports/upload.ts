import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  deleteUploadsIfRequestFails,
  fileModuleStorage,
  isCsvFile,
  multer,
  storedFiles,
  type MulterError,
  type StoredUpload,
} from "../../../../lib/csv-upload"
import { HistoryHeaderCheck, MAX_HISTORY_FILE_BYTES, type HistoryFile } from "../../../../modules/customer-facts/utils/history-csv"

export type { StoredUpload }

/** The form fields of the upload and the file each carries. */
export const HISTORY_UPLOAD_FIELDS = { customers: "customers.csv", orders: "orders.csv" } as const satisfies Record<string, HistoryFile>
export type HistoryUploadField = keyof typeof HISTORY_UPLOAD_FIELDS

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const isUploadField = (field: string): field is HistoryUploadField => field in HISTORY_UPLOAD_FIELDS

/** Streams each uploaded file to Medusa's File module (private), checking its header on the way. */
const storage = fileModuleStorage((file) => {
  const field = file.fieldname
  if (!isUploadField(field)) {
    throw invalid(`${field}: unexpected file; send customers and/or orders`)
  }
  if (!isCsvFile(file)) {
    throw invalid(`${field}: must be a CSV file (got "${file.originalname}", ${file.mimetype})`)
  }
  return { filename: `history-import-${field}.csv`, check: new HistoryHeaderCheck(HISTORY_UPLOAD_FIELDS[field], `${field}: `) }
})

const upload = multer({
  storage,
  limits: { fileSize: MAX_HISTORY_FILE_BYTES, files: 2, fields: 10, fieldSize: 1024 },
}).fields([
  { name: "customers", maxCount: 1 },
  { name: "orders", maxCount: 1 },
])

function uploadError(error: unknown): unknown {
  if (error instanceof MedusaError) {
    return error
  }
  const e = error as MulterError
  switch (e?.code) {
    case "LIMIT_UNEXPECTED_FILE":
      return invalid(`${e.field}: unexpected file field (or a second file in it); send one customers and/or one orders file`)
    case "LIMIT_FILE_SIZE":
      return invalid(`${e.field}: the file is larger than 2 GiB`)
    case "LIMIT_FILE_COUNT":
    case "LIMIT_FIELD_COUNT":
    case "LIMIT_PART_COUNT":
    case "LIMIT_FIELD_VALUE":
    case "LIMIT_FIELD_KEY":
      return invalid(`${e.field ? `${e.field}: ` : ""}${e.message}; send customers, orders and dry_run only`)
    default:
      return e?.code ? invalid(`The upload could not be read: ${e.message}`) : error
  }
}

/**
 * Parses the multipart upload: the files `customers` and `orders` go to the File module as they
 * arrive (never held in memory), the text fields (`dry_run`) to `req.body` for validation. When
 * the request then fails (a bad field), the stored files are deleted again.
 */
export function uploadHistoryFiles(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!req.is("multipart/form-data")) {
    next(invalid("Content-Type must be multipart/form-data, with the files in the fields customers and/or orders"))
    return
  }
  upload(req, res, (error?: unknown) => {
    if (error) {
      next(uploadError(error))
      return
    }
    deleteUploadsIfRequestFails(req, res, () => storedUploads(req).map((f) => f.key))
    next()
  })
}

/** The files the upload stored, by field. */
export function storedUploads(req: MedusaRequest): (StoredUpload & { field: HistoryUploadField })[] {
  return (Object.keys(HISTORY_UPLOAD_FIELDS) as HistoryUploadField[]).flatMap((field) => storedFiles(req, field).map((f) => ({ field, ...f })))
}
