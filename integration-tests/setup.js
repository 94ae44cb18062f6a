// MikroORM keeps entity metadata in a process-wide store; a second Medusa app booted in the same
// jest process (the next HTTP suite) fails unless it is cleared first.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
