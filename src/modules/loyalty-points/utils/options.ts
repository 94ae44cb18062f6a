import type { LoyaltyOptions, ResolvedLoyaltyOptions } from "../types"

export const DEFAULT_LOYALTY_OPTIONS: ResolvedLoyaltyOptions = {
  returnWindowDays: 14,
  expiryDays: 365,
  negativeBalance: "allow_negative",
  expiryWarningDays: 30,
  redemption: {
    valuePerPoint: { default: 0.01, twd: 0.1, jpy: 1, krw: 10 },
    minPoints: 100,
    step: 10,
    maxPercentOfSubtotal: 50,
    holdHours: 72,
  },
  referral: { referrerPoints: 500, refereePoints: 250 },
}

/** The plugin options' `loyalty` part with defaults filled in. */
export function resolveLoyaltyOptions(pluginOptions: { loyalty?: LoyaltyOptions } | undefined): ResolvedLoyaltyOptions {
  const given = pluginOptions?.loyalty ?? {}
  return {
    ...DEFAULT_LOYALTY_OPTIONS,
    ...given,
    redemption: {
      ...DEFAULT_LOYALTY_OPTIONS.redemption,
      ...(given.redemption ?? {}),
      valuePerPoint: { ...DEFAULT_LOYALTY_OPTIONS.redemption.valuePerPoint, ...(given.redemption?.valuePerPoint ?? {}) },
    },
    referral: { ...DEFAULT_LOYALTY_OPTIONS.referral, ...(given.referral ?? {}) },
  }
}
