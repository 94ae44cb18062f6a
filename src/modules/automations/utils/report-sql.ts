/** Journeys of one automation by group, status and exit reason. Binding: automation id. */
export const JOURNEY_COUNTS_SQL = `
  select j.is_holdout, j.status, j.exit_reason, count(*)::int as count
  from automation_journey j
  where j.automation_id = ? and j.deleted_at is null
  group by 1, 2, 3`

/** The automation's messages in the shared ledger by status and reason. Binding: automation id. */
export const MESSAGE_COUNTS_SQL = `
  select m.status, m.reason, count(*)::int as count
  from marketing_message m
  join automation_journey j on j.id = m.source_id
  where j.automation_id = ? and m.kind = 'automation' and m.deleted_at is null
  group by 1, 2`

/**
 * Buyers and revenue per group and currency: orders (net of refunds, from the order facts) placed
 * within the attribution window after entering, summed per journey first so the per-entrant
 * variance can be computed. Bindings: automation id, attribution days.
 */
export const CONVERSIONS_SQL = `
  with per_journey as (
    select j.id, j.is_holdout, o.currency_code, sum(o.net_total) as revenue
    from automation_journey j
    join order_fact o on o.customer_id = j.customer_id and o.deleted_at is null
      and o.placed_at >= j.entered_at and o.placed_at < j.entered_at + make_interval(days => ?::int)
    where j.automation_id = ? and j.deleted_at is null
    group by j.id, j.is_holdout, o.currency_code)
  select is_holdout, currency_code, count(*)::int as buyers, sum(revenue)::text as revenue_exact,
         sum(revenue)::float8 as revenue, sum(revenue * revenue)::float8 as revenue_sq
  from per_journey
  group by 1, 2
  order by 2, 1`
