import { errorMessage, isInvalidData } from "./error-message"

/**
 * Where a failed save's message goes: under the field it names (the API's 400 messages name
 * their field, "reason must not be empty"), or, for any other error, to the form as a whole.
 * `fields` is tried longest name first, so "bonus_points" wins over "points".
 */
export function placeServerError<TField extends string>(
  error: unknown,
  fields: readonly TField[]
): { field: TField | "form"; message: string } {
  const message = errorMessage(error)
  const field = isInvalidData(error)
    ? [...fields]
        .sort((a, b) => b.length - a.length)
        .find((name) => new RegExp(`\\b${name}\\b`, "i").test(message))
    : undefined
  return { field: field ?? "form", message }
}
