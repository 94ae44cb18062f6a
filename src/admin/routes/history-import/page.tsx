import { defineRouteConfig } from "@medusajs/admin-sdk"
import { useState } from "react"
import { ImportDetails } from "../../components/history-import/import-details"
import { ImportsTable } from "../../components/history-import/imports-table"
import { UploadForm } from "../../components/history-import/upload-form"

/** Importing a store's history: upload customers.csv and orders.csv, follow the import, read what it did. */
const HistoryImportPage = () => {
  const [selectedId, setSelectedId] = useState<string | null>(null)
  return (
    <div className="flex flex-col gap-y-3">
      <UploadForm onStarted={setSelectedId} />
      {selectedId && <ImportDetails id={selectedId} />}
      <ImportsTable selectedId={selectedId} onSelect={setSelectedId} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Import history",
  nested: "/customers",
})

export default HistoryImportPage
