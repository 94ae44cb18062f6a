/**
 * The reminders report's SQL: what happened to reminders in a period and what they brought back.
 *
 * A reminder counts in the period of its outcome: a sent one by `sent_at`, a suppressed, withdrawn
 * or failed one by when it got that status (`updated_at`; a reminder's row changes no more once
 * it is final, except a sent one recording its reorder cart, which is why sent ones use `sent_at`).
 */

/** Outcomes per status and reason. Bindings: from, to, from, to, rule id (or null), rule id. */
export const REPORT_OUTCOMES_SQL = `
  select status, reason, count(*)::int as count
  from reminder
  where deleted_at is null
    and ((status = 'sent' and sent_at >= ? and sent_at < ?)
      or (status in ('suppressed', 'withdrawn', 'failed') and updated_at >= ? and updated_at < ?))
    and (?::text is null or rule_id = ?)
  group by status, reason
  order by status, reason`

/**
 * What every rule covers, inactive and deleted ones included (a report looks back at reminders
 * their rules sent): its product or variant and its substitutes.
 */
const ALL_RULE_TARGETS_SQL = `
  targets as (
    select id as rule_id, product_id, null::text as variant_id from reminder_rule where variant_id is null
    union all
    select id, null, variant_id from reminder_rule where variant_id is not null
    union all
    select id, unnest(substitute_product_ids), null from reminder_rule
    union all
    select id, null, unnest(substitute_variant_ids) from reminder_rule
  )`

/**
 * Reorders: purchase lines (kept units) of a reminder's products or substitutes placed after it
 * was sent and within the window. A line is credited to one reminder only, the latest sent to
 * that customer before it (so a first reminder and its nudge do not both claim one reorder, nor
 * two rules covering the same product), and then counts in the period of that reminder. Revenue is
 * the lines' net amount (units kept after returns) less their share of the order's refunds that
 * no return explains (a goodwill or partial refund: the order fact's refunded total beyond the
 * value of its returned units, spread over its kept lines by amount), per currency, never summed
 * across currencies (numeric, as text).
 *
 * Bindings: from, to, window days, window days, from, to, rule id (or null), rule id.
 */
export const REPORT_REORDERS_SQL = `
  with ${ALL_RULE_TARGETS_SQL},
  candidates as (
    select id, customer_id, rule_id, sent_at from reminder
    where status = 'sent' and deleted_at is null
      and sent_at >= ? and sent_at < ?::timestamptz + make_interval(days => ?)
  ),
  credited as (
    select distinct on (p.id) p.id as line_id, p.source, p.order_key, p.currency_code, p.net_amount, c.id as reminder_id, c.rule_id, c.sent_at
    from candidates c
    join targets t on t.rule_id = c.rule_id
    join purchase_fact p on p.customer_id = c.customer_id
      and p.placed_at > c.sent_at and p.placed_at <= c.sent_at + make_interval(days => ?)
      and p.net_quantity > 0
      and ((t.product_id is not null and p.product_id = t.product_id) or (t.variant_id is not null and p.variant_id = t.variant_id))
    order by p.id, c.sent_at desc, c.id desc
  ),
  counted as (
    select * from credited where sent_at >= ? and sent_at < ? and (?::text is null or rule_id = ?)
  ),
  -- Per credited order: what its kept lines are worth and the refunds its returns do not explain.
  -- A returned unit is valued at its line's net price (its unit price once the line is all returned),
  -- as the facts value returned units.
  order_refunds as (
    select o.source, o.order_key, l.kept,
           greatest(o.refunded_total - l.returned, 0) as unexplained
    from (select distinct source, order_key from counted) k
    join order_fact o on o.source = k.source and o.order_key = k.order_key and o.deleted_at is null
    cross join lateral (
      select coalesce(sum(p.net_amount), 0) as kept,
             coalesce(sum(case when p.refunded_quantity <= 0 then 0
                               when p.net_quantity > 0 then p.net_amount * p.refunded_quantity / p.net_quantity
                               else p.unit_amount * p.refunded_quantity end), 0) as returned
      from purchase_fact p
      where p.source = o.source and p.order_key = o.order_key and p.deleted_at is null
    ) l
  ),
  revenue_lines as (
    select c.*, case when r.kept > 0 then greatest(c.net_amount - c.net_amount * least(r.unexplained / r.kept, 1), 0)
                     else c.net_amount end as amount
    from counted c
    left join order_refunds r on r.source = c.source and r.order_key = c.order_key
  )
  select currency_code, count(distinct reminder_id)::int as reminders, count(distinct order_key)::int as orders,
         round(sum(amount), 4)::text as revenue, (select count(distinct reminder_id)::int from counted) as converted
  from revenue_lines
  group by currency_code
  order by currency_code`
