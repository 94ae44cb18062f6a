/**
 * The SQL that derives reminder facts from the purchase facts (customer-facts module's
 * `purchase_fact`), shared by coverage, the pre-send re-check and the learned cycles.
 *
 * `rule_targets`: what each active rule covers: its product (or variant) and its substitutes.
 * `rule_orders`: per rule, customer and order, when it was bought and how many units were kept.
 */
export const RULE_TARGETS_SQL = `
  rule_targets as (
    select id as rule_id, product_id, null::text as variant_id from reminder_rule
      where variant_id is null and is_active and deleted_at is null
    union all
    select id, null, variant_id from reminder_rule where variant_id is not null and is_active and deleted_at is null
    union all
    select id, unnest(substitute_product_ids), null from reminder_rule where is_active and deleted_at is null
    union all
    select id, null, unnest(substitute_variant_ids) from reminder_rule where is_active and deleted_at is null
  )`

/**
 * `rule_orders` for the customers in binding `customerFilter` (an SQL condition on `p`). A fully
 * refunded order covers nothing, like a canceled one: without a received return its units are
 * still kept in the purchase facts, but the customer got their money back.
 */
export function ruleOrdersSql(customerFilter: string): string {
  return `
  rule_lines as (
    select distinct t.rule_id, p.id as line_id, p.customer_id, p.order_key, p.placed_at, p.net_quantity, p.variant_id
    from purchase_fact p
    join rule_targets t on (t.product_id is not null and p.product_id = t.product_id) or (t.variant_id is not null and p.variant_id = t.variant_id)
    where p.net_quantity > 0 and ${customerFilter}
      and not exists (
        select 1 from order_fact o
        where o.source = p.source and o.order_key = p.order_key and o.refunded_total > 0 and o.net_total <= 0 and o.deleted_at is null
      )
  ),
  rule_orders as (
    select rule_id, customer_id, order_key, min(placed_at) as placed_at, sum(net_quantity)::int as units,
           (array_agg(variant_id order by net_quantity desc, line_id))[1] as variant_id
    from rule_lines group by rule_id, customer_id, order_key
  ),
  gaps as (
    select rule_id, customer_id,
           extract(epoch from (lead(placed_at) over w - placed_at)) / 86400.0 / units as days_per_unit
    from rule_orders
    window w as (partition by rule_id, customer_id order by placed_at, order_key)
  )`
}

/**
 * Per rule and customer: the cycle in force (the rule's, else the customer's own median gap per
 * unit after a second purchase, else the store's learned one) and the coverage end: buying early
 * extends the cover, so it is max over orders j of (date_j + cycle × units bought from j on).
 */
export function coverageSql(customerFilter: string): string {
  return `
  with ${RULE_TARGETS_SQL},
  ${ruleOrdersSql(customerFilter)},
  personal as (
    select rule_id, customer_id, percentile_cont(0.5) within group (order by days_per_unit) as median, count(*) as gaps
    from gaps where days_per_unit is not null and days_per_unit > 0 group by rule_id, customer_id
  ),
  cycles as (
    select o.rule_id, o.customer_id,
           coalesce(r.days_per_unit, case when r.use_personal_cycle and pc.gaps >= 1 then pc.median end, r.learned_days_per_unit) as cycle_days,
           case when r.days_per_unit is not null then 'rule'
                when r.use_personal_cycle and pc.gaps >= 1 then 'personal'
                when r.learned_days_per_unit is not null then 'learned' end as cycle_source
    from (select distinct rule_id, customer_id from rule_orders) o
    join reminder_rule r on r.id = o.rule_id
    left join personal pc on pc.rule_id = o.rule_id and pc.customer_id = o.customer_id
  ),
  ends as (
    select o.rule_id, o.customer_id,
           max(o.placed_at + (c.cycle_days * sum_after) * interval '1 day') as covered_until,
           sum(o.units)::int as units, max(o.placed_at) as last_purchase_at
    from (select ro.*, sum(units) over (partition by rule_id, customer_id order by placed_at desc, order_key desc
                                        rows between unbounded preceding and current row) as sum_after
          from rule_orders ro) o
    join cycles c on c.rule_id = o.rule_id and c.customer_id = o.customer_id
    group by o.rule_id, o.customer_id
  ),
  latest as (
    select distinct on (rule_id, customer_id) rule_id, customer_id, variant_id, units
    from rule_orders order by rule_id, customer_id, placed_at desc, order_key desc
  )
  select e.rule_id, e.customer_id, c.cycle_days, c.cycle_source,
         case when c.cycle_days is null then null else e.covered_until end as covered_until,
         e.units, e.last_purchase_at, l.variant_id as last_variant_id, l.units as last_quantity
  from ends e
  join cycles c on c.rule_id = e.rule_id and c.customer_id = e.customer_id
  join latest l on l.rule_id = e.rule_id and l.customer_id = e.customer_id`
}

/** The store's median gap per unit per rule, over customers with two or more purchases. */
export const LEARNED_CYCLES_SQL = `
  with ${RULE_TARGETS_SQL},
  ${ruleOrdersSql("true")}
  select rule_id, percentile_cont(0.5) within group (order by days_per_unit) as median, count(*)::int as sample_size
  from gaps where days_per_unit is not null and days_per_unit > 0
  group by rule_id`
