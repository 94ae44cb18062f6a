import { sdk } from "./sdk"

/**
 * Reads a non-JSON document (CSV, printable HTML) from the backend through the SDK, so it carries
 * the admin's session or token whatever origin the backend has, and a 4xx arrives as a FetchError
 * with the server's message instead of an error page. Without an `accept: application/json`
 * header the SDK hands back the raw Response.
 */
function fetchDocument(path: string, query: Record<string, unknown>, accept: string): Promise<Response> {
  return sdk.client.fetch<Response>(path, { method: "GET", query, headers: { accept } })
}

/** Downloads `path` as a file named by the server's content-disposition, or `fallbackName`. */
export async function downloadDocument(path: string, query: Record<string, unknown>, fallbackName: string) {
  const response = await fetchDocument(path, query, "text/csv")
  const disposition = response.headers.get("content-disposition") ?? ""
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click hands the blob to the download manager asynchronously; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Opens `path` (an HTML document) in a new tab. The tab is opened before the request, while the
 * click still counts as a user gesture, or the browser's popup blocker would stop it.
 */
export async function openDocumentInNewTab(path: string, query: Record<string, unknown>) {
  const tab = window.open("", "_blank")
  if (!tab) {
    throw new Error("The browser blocked the new tab. Allow pop-ups for the admin and try again.")
  }
  try {
    const response = await fetchDocument(path, query, "text/html")
    tab.location.href = URL.createObjectURL(new Blob([await response.blob()], { type: "text/html" }))
  } catch (error) {
    tab.close()
    throw error
  }
}
