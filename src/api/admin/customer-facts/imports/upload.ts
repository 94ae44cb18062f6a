import { once } from "node:events"
import { createRequire } from "node:module"
import path from "node:path"
import type { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { setTimeout as delay } from "node:timers/promises"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { HistoryHeaderCheck, MAX_HISTORY_FILE_BYTES, type HistoryFile } from "../../../../modules/customer-facts/utils/history-csv"

/** The form fields of the upload and the file each carries. */
export const HISTORY_UPLOAD_FIELDS = { customers: "customers.csv", orders: "orders.csv" } as const satisfies Record<string, HistoryFile>
export type HistoryUploadField = keyof typeof HISTORY_UPLOAD_FIELDS

const CSV_MIME_TYPES = ["text/csv", "application/csv", "text/plain", "text/x-csv", "application/vnd.ms-excel", "application/octet-stream"]

/** A file streamed into Medusa's File module by the upload. */
export type StoredUpload = { key: string; name: string; size: number }

type MulterFile = { fieldname: string; originalname: string; mimetype: string; stream: Readable } & Partial<StoredUpload>
type StorageEngine = {
  _handleFile(req: MedusaRequest, file: MulterFile, callback: (error: unknown, info?: StoredUpload) => void): void
  _removeFile(req: MedusaRequest, file: MulterFile, callback: (error: unknown) => void): void
}
type MulterFactory = (options: { storage: StorageEngine; limits: Record<string, number> }) => {
  fields(fields: { name: string; maxCount: number }[]): (req: MedusaRequest, res: MedusaResponse, next: (error?: unknown) => void) => void
}
type MulterError = Error & { code?: string; field?: string }

// Medusa's own upload routes parse multipart bodies with multer, a dependency of @medusajs/medusa
// (this plugin's peer): it is loaded from there, with a storage engine that streams each file to
// the File module instead of multer's memory storage (which holds the whole file).
const multer = createRequire(require.resolve("@medusajs/medusa"))("multer") as MulterFactory

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const isUploadField = (field: string): field is HistoryUploadField => field in HISTORY_UPLOAD_FIELDS

/** Streams each uploaded file to Medusa's File module (private), checking its header on the way. */
const fileModuleStorage: StorageEngine = {
  _handleFile(req, file, callback) {
    const field = file.fieldname
    if (!isUploadField(field)) {
      callback(invalid(`${field}: unexpected file; send customers and/or orders`))
      return
    }
    const isCsvName = path.extname(file.originalname).toLowerCase() === ".csv"
    if (!isCsvName && !CSV_MIME_TYPES.includes(file.mimetype)) {
      callback(invalid(`${field}: must be a CSV file (got "${file.originalname}", ${file.mimetype})`))
      return
    }
    const files = req.scope.resolve(Modules.FILE)
    const check = new HistoryHeaderCheck(HISTORY_UPLOAD_FIELDS[field], `${field}: `)
    files
      .getUploadStream({ filename: `history-import-${field}.csv`, mimeType: "text/csv", access: "private" })
      .then(async ({ writeStream, promise, fileKey }) => {
        try {
          await pipeline(file.stream, check, writeStream)
          const stored = await promise
          callback(null, { key: stored.key ?? fileKey, name: file.originalname, size: check.size })
        } catch (e) {
          promise.catch(() => undefined)
          // Delete only once the provider's stream has closed, else the file may appear after it.
          if (!writeStream.closed) {
            await Promise.race([once(writeStream, "close").catch(() => undefined), delay(5000)])
          }
          await files.deleteFiles([fileKey]).catch(() => undefined)
          callback(e)
        }
      })
      .catch(callback)
  },
  _removeFile(req, file, callback) {
    if (!file.key) {
      callback(null)
      return
    }
    req.scope
      .resolve(Modules.FILE)
      .deleteFiles([file.key])
      .then(() => callback(null), callback)
  },
}

const upload = multer({
  storage: fileModuleStorage,
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
    res.on("finish", () => {
      if (res.statusCode >= 400) {
        const keys = storedUploads(req).map((f) => f.key)
        if (keys.length) {
          req.scope.resolve(Modules.FILE).deleteFiles(keys).catch(() => undefined)
        }
      }
    })
    next()
  })
}

/** The files the upload stored, by field. */
export function storedUploads(req: MedusaRequest): (StoredUpload & { field: HistoryUploadField })[] {
  const byField = (req as MedusaRequest & { files?: Record<string, MulterFile[]> }).files ?? {}
  return (Object.keys(HISTORY_UPLOAD_FIELDS) as HistoryUploadField[]).flatMap((field) =>
    (byField[field] ?? []).filter((f): f is MulterFile & StoredUpload => !!f.key).map((f) => ({ field, key: f.key, name: f.name, size: f.size }))
  )
}
