import Medusa from "@medusajs/js-sdk"

/**
 * The JS SDK client every admin widget and page of the plugin uses. The dashboard is served by the
 * same backend, so the default base URL is the page's own origin.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
