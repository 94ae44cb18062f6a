import { signToken, verifyToken } from "../signed-token"

describe("signed tokens for e-mail links", () => {
  const secret = "test-secret"
  const later = new Date(Date.now() + 3600_000)

  it("round-trips its payload for the purpose it was signed for", () => {
    const token = signToken(secret, "reorder", { r: "rem_1", c: "cus_1" }, later)
    expect(verifyToken(secret, "reorder", token)).toMatchObject({ r: "rem_1", c: "cus_1" })
  })

  it("refuses a tampered payload, another purpose, another secret, an expired or malformed token", () => {
    const token = signToken(secret, "reorder", { r: "rem_1", c: "cus_1" }, later)
    const [body, mac] = token.split(".")
    const forged = Buffer.from(JSON.stringify({ r: "rem_1", c: "cus_2", exp: Math.floor(later.getTime() / 1000) })).toString("base64url")
    expect(() => verifyToken(secret, "reorder", `${forged}.${mac}`)).toThrow("signature does not match")
    expect(() => verifyToken(secret, "click", token)).toThrow("signature does not match")
    expect(() => verifyToken("other", "reorder", token)).toThrow("signature does not match")
    expect(() => verifyToken(secret, "reorder", signToken(secret, "reorder", { r: 1 }, new Date(Date.now() - 1000)))).toThrow("expired")
    expect(() => verifyToken(secret, "reorder", `${body}`)).toThrow("malformed")
    expect(() => verifyToken(secret, "reorder", "")).toThrow("malformed")
  })
})
