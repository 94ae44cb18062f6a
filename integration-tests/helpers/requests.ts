export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `read` satisfies `ok` (subscribers run after the request that emitted the event). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  let value = await read()
  while (!ok(value) && Date.now() < deadline) {
    await sleep(200)
    value = await read()
  }
  return value
}

/** Runs a request that must fail and returns its status and message (JSON or text bodies). */
export async function failure(request: Promise<unknown>) {
  const error = await request.then(
    () => {
      throw new Error("expected the request to fail")
    },
    (e: { response?: { status: number; data: string | { message: string } } }) => e
  )
  const data = error.response?.data
  const body = typeof data === "string" ? (JSON.parse(data) as { message: string }) : data
  return { status: error.response?.status, message: body?.message ?? "" }
}
