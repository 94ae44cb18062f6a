import { once } from "node:events"
import { createRequire } from "node:module"
import path from "node:path"
import type { Readable, Transform } from "node:stream"
import { pipeline } from "node:stream/promises"
import { setTimeout as delay } from "node:timers/promises"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/** A file streamed into Medusa's File module by an upload. */
export type StoredUpload = { key: string; name: string; size: number }

export type MulterFile = { fieldname: string; originalname: string; mimetype: string; stream: Readable } & Partial<StoredUpload>
export type StorageEngine = {
  _handleFile(req: MedusaRequest, file: MulterFile, callback: (error: unknown, info?: StoredUpload) => void): void
  _removeFile(req: MedusaRequest, file: MulterFile, callback: (error: unknown) => void): void
}
type MulterFactory = (options: { storage: StorageEngine; limits: Record<string, number> }) => {
  fields(fields: { name: string; maxCount: number }[]): (req: MedusaRequest, res: MedusaResponse, next: (error?: unknown) => void) => void
}
export type MulterError = Error & { code?: string; field?: string }

// Medusa's own upload routes parse multipart bodies with multer, a dependency of @medusajs/medusa
// (this plugin's peer): it is loaded from there, with a storage engine that streams each file to
// the File module instead of multer's memory storage (which holds the whole file).
export const multer = createRequire(require.resolve("@medusajs/medusa"))("multer") as MulterFactory

const CSV_MIME_TYPES = ["text/csv", "application/csv", "text/plain", "text/x-csv", "application/vnd.ms-excel", "application/octet-stream"]

/** Whether an uploaded file is named or typed as a CSV. */
export function isCsvFile(file: Pick<MulterFile, "originalname" | "mimetype">): boolean {
  return path.extname(file.originalname).toLowerCase() === ".csv" || CSV_MIME_TYPES.includes(file.mimetype)
}

/**
 * A multer storage engine that streams each file through a check (a Transform that counts the
 * bytes as `size` and may refuse the file) into Medusa's File module (private). `prepare` names
 * the stored file and gives the check, or throws to refuse the file before any byte is stored.
 * A refused or broken upload leaves nothing in the File module.
 */
export function fileModuleStorage(prepare: (file: MulterFile) => { filename: string; check: Transform & { size: number } }): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      let prepared: ReturnType<typeof prepare>
      try {
        prepared = prepare(file)
      } catch (e) {
        callback(e)
        return
      }
      const { filename, check } = prepared
      const files = req.scope.resolve(Modules.FILE)
      files
        .getUploadStream({ filename, mimeType: "text/csv", access: "private" })
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
}

/** The files an upload stored in one form field. */
export function storedFiles(req: MedusaRequest, field: string): StoredUpload[] {
  const byField = (req as MedusaRequest & { files?: Record<string, MulterFile[]> }).files ?? {}
  return (byField[field] ?? []).filter((f): f is MulterFile & StoredUpload => !!f.key).map((f) => ({ key: f.key, name: f.name, size: f.size }))
}

/** When the request then fails (a bad field, a refused import), the files it stored are deleted again. */
export function deleteUploadsIfRequestFails(req: MedusaRequest, res: MedusaResponse, keys: () => string[]): void {
  res.on("finish", () => {
    if (res.statusCode >= 400) {
      const stored = keys()
      if (stored.length) {
        req.scope.resolve(Modules.FILE).deleteFiles(stored).catch(() => undefined)
      }
    }
  })
}
