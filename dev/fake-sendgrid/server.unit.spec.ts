import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { startFakeSendgrid, validateMailSend, type FakeSendgrid } from "./server"

describe("the fake SendGrid mail/send API", () => {
  let fake: FakeSendgrid
  let mail: MailService

  beforeAll(async () => {
    fake = await startFakeSendgrid({ apiKey: "SG.test" })
    const client = new Client()
    client.setApiKey("SG.test")
    client.setDefaultRequest("baseUrl", fake.url)
    mail = new MailService()
    mail.setClient(client)
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.reset())

  it("accepts what @sendgrid/mail sends with personalizations, like SendGrid (202 and a message id), and records each recipient", async () => {
    const [response] = await mail.send({
      from: { email: "news@shop.example", name: "Shop" },
      subject: "Hello {{first_name}}",
      text: "Hi {{first_name}}",
      html: "<p>Hi {{first_name}}</p>",
      personalizations: [
        { to: [{ email: "a@example.com" }], substitutions: { first_name: "Ana" }, customArgs: { recipient_id: "r1" } },
        { to: [{ email: "b@example.com" }], substitutions: { first_name: "Ben" }, customArgs: { recipient_id: "r2" } },
      ],
    })
    expect(response.statusCode).toBe(202)
    expect(response.headers["x-message-id"]).toEqual(expect.any(String))
    expect(fake.messages.map((m) => [m.to[0], m.subject, m.text, m.custom_args.recipient_id])).toEqual([
      ["a@example.com", "Hello Ana", "Hi Ana", "r1"],
      ["b@example.com", "Hello Ben", "Hi Ben", "r2"],
    ])
    expect(fake.deliveries.get("r1")).toBe(1)
  })

  it("refuses what SendGrid refuses: no key, too many personalizations or recipients, no content, non-string custom args", async () => {
    const bare = new MailService()
    const anonymous = new Client()
    anonymous.setDefaultRequest("baseUrl", fake.url)
    bare.setClient(anonymous)
    await expect(bare.send({ from: "a@example.com", to: "b@example.com", subject: "s", text: "t" })).rejects.toMatchObject({ code: 401 })

    const many = Array.from({ length: 1001 }, (_, i) => ({ to: [{ email: `u${i}@example.com` }] }))
    await expect(mail.send({ from: "a@example.com", subject: "s", text: "t", personalizations: many })).rejects.toMatchObject({ code: 400 })
    expect(validateMailSend({ from: { email: "a@example.com" }, subject: "s", content: [{ type: "text/plain", value: "t" }], personalizations: [{ to: Array.from({ length: 1001 }, (_, i) => ({ email: `u${i}@x.com` })) }] })).toEqual([
      { field: "personalizations.0", message: "The total number of recipients must be no more than 1000." },
    ])
    expect(validateMailSend({ from: { email: "a@example.com" }, subject: "s", personalizations: [{ to: [{ email: "b@x.com" }] }] })[0].field).toBe("content")
    expect(validateMailSend({ from: { email: "a@example.com" }, subject: "s", content: [{ type: "text/plain", value: "t" }], personalizations: [{ to: [{ email: "b@x.com" }], custom_args: { n: 1 } }] })[0].field).toBe("personalizations.0.custom_args.n")
    expect(validateMailSend({ from: { email: "a@example.com" }, content: [{ type: "text/plain", value: "t" }], personalizations: [{ to: [{ email: "b@x.com" }] }] })[0].field).toBe("personalizations.0.subject")
    expect(fake.messages).toHaveLength(0)
  })

  it("answers injected faults in order: 429 with X-RateLimit-Reset and Retry-After, then 500, then accepts", async () => {
    fake.injectFaults([429, 500], 2000)
    const message = { from: "a@example.com", to: "b@example.com", subject: "s", text: "t" }
    const throttled = await mail.send(message).catch((e) => e)
    expect(throttled.code).toBe(429)
    expect(Number(throttled.response.headers["x-ratelimit-reset"])).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000))
    expect(throttled.response.headers["retry-after"]).toBe("2")
    expect((await mail.send(message).catch((e) => e)).code).toBe(500)
    expect((await mail.send(message))[0].statusCode).toBe(202)
    expect(fake.stats).toMatchObject({ throttled: 1, failed: 1, accepted: 1 })
  })

  it("throttles above its rate limit", async () => {
    fake.setRateLimit(2)
    const message = { from: "a@example.com", to: "b@example.com", subject: "s", text: "t" }
    const results = await Promise.all([1, 2, 3, 4].map(() => mail.send(message).then(() => 202, (e) => e.code)))
    expect(results.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2)
    fake.setRateLimit(null)
  })
})
