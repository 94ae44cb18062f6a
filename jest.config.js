const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
  ],
}

const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/.data/", "<rootDir>/node_modules/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
}

/**
 * Three projects, run in one jest invocation by `npm test`:
 * unit (pure functions, dev tooling), modules (moduleIntegrationTestRunner) and
 * http (medusaIntegrationTestRunner, a whole Medusa app per suite).
 */
module.exports = {
  testTimeout: 240000,
  // A test worker is replaced once it holds more than this after a file (see dev/run-tests.ts);
  // RETENTION_TEST_WORKERS=0 runs in band, where a failure's own objects are printed as they are.
  ...(process.env.RETENTION_TEST_WORKERS === "0" ? {} : { workerIdleMemoryLimit: "1500MB" }),
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s", "<rootDir>/dev/**/*.unit.spec.[jt]s", "<rootDir>/bench/**/*.unit.spec.[jt]s"],
    },
    {
      ...common,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s", "<rootDir>/integration-tests/modules/**/*.spec.[jt]s", "<rootDir>/dev/**/*.db.spec.[jt]s"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\.[jt]s$"],
    },
    {
      ...common,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
    },
  ],
}
