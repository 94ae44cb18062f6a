import { FetchError } from "@medusajs/js-sdk"

/**
 * The message to show for a failed request. Medusa answers a 400 with `{ type, message }` and the
 * SDK's FetchError carries that message, which names the field ("reason must not be empty").
 */
export function errorMessage(error: unknown, fallback = "Something went wrong. Try again."): string {
  if (error instanceof FetchError || error instanceof Error) {
    return error.message || fallback
  }
  return fallback
}

/** True when the server refused the input (400): the message belongs next to the form, not in a toast. */
export function isInvalidData(error: unknown): boolean {
  return error instanceof FetchError && error.status === 400
}
