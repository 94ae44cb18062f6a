import type { LoyaltyOptions, ResolvedLoyaltyOptions } from "../types"

export const DEFAULT_LOYALTY_OPTIONS: ResolvedLoyaltyOptions = {
  returnWindowDays: 14,
  expiryDays: 365,
  negativeBalance: "allow_negative",
}

/** The plugin options' `loyalty` part with defaults filled in. */
export function resolveLoyaltyOptions(pluginOptions: { loyalty?: LoyaltyOptions } | undefined): ResolvedLoyaltyOptions {
  return { ...DEFAULT_LOYALTY_OPTIONS, ...(pluginOptions?.loyalty ?? {}) }
}
