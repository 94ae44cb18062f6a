import { ruleOrdersSql } from "./coverage-sql"

/**
 * The learned cycle of a rule that is not saved yet (the admin's suggestion beside the cycle
 * field): the store's median gap per unit over customers with two or more purchases of these
 * products or variants, computed as the nightly `learnCycles` does for saved rules.
 *
 * Bindings: product ids (text[]), variant ids (text[]).
 */
export const SUGGESTED_CYCLE_SQL = `
  with rule_targets as (
    select 'suggestion'::text as rule_id, unnest(?::text[]) as product_id, null::text as variant_id
    union all
    select 'suggestion', null, unnest(?::text[])
  ),
  ${ruleOrdersSql("true")}
  select percentile_cont(0.5) within group (order by days_per_unit) as median, count(*)::int as sample_size
  from gaps where days_per_unit is not null and days_per_unit > 0`
