import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, "..")
const OUT = path.join(ROOT, ".medusa", "server")

describe("the npm package", () => {
  it("builds with `medusa plugin:build` into .medusa/server, with every module and the admin extensions, and nothing of the demo", () => {
    const run = spawnSync(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "plugin:build"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
    })
    expect(`${run.status} ${run.stderr.slice(-2000)}`).toMatch(/^0 /)
    expect(fs.existsSync(path.join(OUT, "src", "admin", "index.mjs"))).toBe(true)

    const modulesDir = path.join(ROOT, "src", "modules")
    const modules = fs.existsSync(modulesDir) ? fs.readdirSync(modulesDir) : []
    for (const m of modules) {
      expect(fs.existsSync(path.join(OUT, "src", "modules", m, "index.js"))).toBe(true)
    }
    // The demo store, its seed and the test/bench tooling are not part of the package.
    expect(fs.existsSync(path.join(OUT, "medusa-config.js"))).toBe(false)
    expect(fs.existsSync(path.join(OUT, "src", "scripts"))).toBe(false)
    expect(fs.existsSync(path.join(OUT, "dev"))).toBe(false)
    expect(fs.existsSync(path.join(OUT, "bench"))).toBe(false)

    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
    expect(pkg.files).toEqual([".medusa/server"])
    for (const [name, version] of Object.entries(pkg.peerDependencies)) {
      expect(`${name}@${pkg.devDependencies[name]}`).toBe(`${name}@${version}`)
    }
  })
})
