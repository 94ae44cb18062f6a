import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CsvHeaderCheck } from "../../../lib/csv-lines"
import { deleteUploadsIfRequestFails, fileModuleStorage, isCsvFile, multer, storedFiles, type MulterError, type StoredUpload } from "../../../lib/csv-upload"
import { assertPriceHeader, MAX_PRICE_FILE_BYTES } from "../../../modules/b2b/utils/price-csv"

/** The form field of the upload. */
export const PRICE_UPLOAD_FIELD = "file"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Streams the uploaded CSV to Medusa's File module (private), checking its header line on the way. */
const storage = fileModuleStorage((file) => {
  if (file.fieldname !== PRICE_UPLOAD_FIELD) {
    throw invalid(`${file.fieldname}: unexpected file; send the prices CSV in the field ${PRICE_UPLOAD_FIELD}`)
  }
  if (!isCsvFile(file)) {
    throw invalid(`${PRICE_UPLOAD_FIELD}: must be a CSV file (got "${file.originalname}", ${file.mimetype})`)
  }
  return {
    filename: "b2b-contract-prices.csv",
    check: new CsvHeaderCheck({
      file: "the prices CSV",
      label: `${PRICE_UPLOAD_FIELD}: `,
      maxBytes: MAX_PRICE_FILE_BYTES,
      tooLarge: "the file is larger than 2 GiB",
      checkHeader: assertPriceHeader,
    }),
  }
})

const upload = multer({ storage, limits: { fileSize: MAX_PRICE_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024 } }).fields([{ name: PRICE_UPLOAD_FIELD, maxCount: 1 }])

function uploadError(error: unknown): unknown {
  if (error instanceof MedusaError) {
    return error
  }
  const e = error as MulterError
  switch (e?.code) {
    case "LIMIT_UNEXPECTED_FILE":
      return invalid(`${e.field}: unexpected file field (or a second file); send one CSV in the field ${PRICE_UPLOAD_FIELD}`)
    case "LIMIT_FILE_SIZE":
      return invalid(`${e.field}: the file is larger than 2 GiB`)
    case "LIMIT_FILE_COUNT":
    case "LIMIT_FIELD_COUNT":
    case "LIMIT_PART_COUNT":
    case "LIMIT_FIELD_VALUE":
    case "LIMIT_FIELD_KEY":
      return invalid(`${e.field ? `${e.field}: ` : ""}${e.message}; send ${PRICE_UPLOAD_FIELD} and apply only`)
    default:
      return e?.code ? invalid(`The upload could not be read: ${e.message}`) : error
  }
}

/**
 * Parses the multipart upload of a contract's prices: the file (field `file`) goes to the File
 * module as it arrives (never held in memory), the text fields (`apply`) to `req.body` for
 * validation. When the request then fails, the stored file is deleted again.
 */
export function uploadPriceFile(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!req.is("multipart/form-data")) {
    next(invalid(`Content-Type must be multipart/form-data, with the prices CSV in the field ${PRICE_UPLOAD_FIELD}`))
    return
  }
  upload(req, res, (error?: unknown) => {
    if (error) {
      next(uploadError(error))
      return
    }
    deleteUploadsIfRequestFails(req, res, () => storedFiles(req, PRICE_UPLOAD_FIELD).map((f) => f.key))
    next()
  })
}

/** The file the upload stored, if any. */
export function storedPriceFile(req: MedusaRequest): StoredUpload | null {
  return storedFiles(req, PRICE_UPLOAD_FIELD)[0] ?? null
}
