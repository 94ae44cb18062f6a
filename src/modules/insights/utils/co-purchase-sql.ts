/**
 * Market-basket measures over the purchase facts (lines kept, i.e. net_quantity > 0; a product is
 * its product id, or `sku:<SKU>` for an external product): support(A,B) = baskets with both /
 * baskets, confidence(A→B) = baskets with both / baskets with A, lift(A→B) = confidence(A→B) /
 * (baskets with B / baskets). The order scope is counted per month and summed (incremental); the
 * window scope is one statement, dropping items below the support threshold before pairing
 * (apriori: a pair is never more frequent than either of its items).
 */

const PURCHASES = `from purchase_fact p
    where p.deleted_at is null and p.net_quantity > 0 and (p.product_id is not null or p.sku is not null)`

const INSERT = `insert into insights_co_purchase_pair
    (id, scope, product_key, related_key, pair_count, product_count, related_count, basket_count, support, confidence, lift, window_days, computed_at, created_at, updated_at)`

const MEASURES = (scope: string, windowDays: string) => `select 'icpp_' || replace(gen_random_uuid()::text, '-', ''), '${scope}', pr.ka, pr.kb,
    pr.c, fa.c, fb.c, t.n, pr.c / t.n, pr.c::float8 / fa.c, (pr.c * t.n) / (fa.c::float8 * fb.c), ${windowDays}, :computed_at, now(), now()
  from pairs pr
  join frequent fa on fa.k = pr.ka
  join frequent fb on fb.k = pr.kb
  cross join total t
  where pr.c >= t.least_count`

const MONTH_OF = (alias: string) => `to_char(${alias}.placed_at at time zone 'UTC', 'YYYY-MM')`

/**
 * The order scope's fingerprint of each month's purchase facts (UTC months of placed_at): any line
 * added, removed or changed in a month moves it (count, quantities, a hash over ids, latest update).
 */
export const ORDER_MONTH_FINGERPRINTS_SQL = `select ${MONTH_OF("p")} as month,
    count(*)::text || ':' || coalesce(sum(p.net_quantity), 0)::text || ':' || coalesce(sum(hashtext(p.id || ':' || p.net_quantity)), 0)::text || ':' ||
    coalesce(floor(extract(epoch from max(p.updated_at)) * 1000)::bigint, 0)::text as fingerprint
  from purchase_fact p where p.deleted_at is null
  group by 1`

/**
 * The distinct products of each order to count (bindings: all (boolean), months text[],
 * max_basket_items) into the transaction's temporary table co_purchase_lines: every month or the
 * given ones; orders with more than :max_basket_items distinct products are left out. A table, not
 * a CTE, so that PostgreSQL knows its size after ANALYZE: estimated from a month filter, the
 * self-join of a CTE was planned as a nested loop over one row (seconds for one month of 10k customers).
 */
export const ORDER_LINES_TO_COUNT_SQL = `create temporary table co_purchase_lines on commit drop as
  select month, source, order_key, k from (
    select d.*, count(*) over (partition by d.source, d.order_key) as products from (
      select distinct ${MONTH_OF("p")} as month, p.source, p.order_key, coalesce(p.product_id, 'sku:' || p.sku) as k
      ${PURCHASES} and (:all::boolean or ${MONTH_OF("p")} = any(:months::text[]))
    ) d
  ) x
  where products <= :max_basket_items::int`

/** Each counted month's orders per product and per product pair (both directions), from co_purchase_lines. */
export const INSERT_MONTH_COUNTS_SQL = `insert into insights_co_purchase_month_count (id, month, product_key, related_key, basket_count, created_at, updated_at)
  select 'icpc_' || replace(gen_random_uuid()::text, '-', ''), month, k, null, count(*)::int, now(), now()
  from co_purchase_lines group by month, k
  union all
  select 'icpc_' || replace(gen_random_uuid()::text, '-', ''), a.month, a.k, b.k, count(*)::int, now(), now()
  from co_purchase_lines a
  join co_purchase_lines b on b.source = a.source and b.order_key = a.order_key and b.k <> a.k
  group by a.month, a.k, b.k`

/** The counted months with their fingerprints (bindings: months text[], fingerprints text[]) and baskets. */
export const INSERT_COUNTED_MONTHS_SQL = `insert into insights_co_purchase_month (id, month, fingerprint, basket_count, created_at, updated_at)
  select 'icpm_' || replace(gen_random_uuid()::text, '-', ''), m.month, m.fingerprint, coalesce(b.n, 0), now(), now()
  from unnest(:months::text[], :fingerprints::text[]) as m(month, fingerprint)
  left join (select month, count(distinct (source, order_key))::int as n from co_purchase_lines group by month) b on b.month = m.month`

/**
 * Baskets are orders: the measures from the months' counts summed (bindings: min_pair_count,
 * min_support, computed_at). The same figures as counting every order at once, since each order
 * lies in exactly one month.
 */
export const ORDER_SCOPE_FROM_MONTHS_SQL = `with total as (
    select coalesce(sum(basket_count), 0)::float8 as n,
      greatest(:min_pair_count::int, ceil(:min_support::float8 * coalesce(sum(basket_count), 0)))::int as least_count
    from insights_co_purchase_month where deleted_at is null
  ),
  frequent as (
    select product_key as k, sum(basket_count)::int as c from insights_co_purchase_month_count
    where related_key is null and deleted_at is null
    group by product_key having sum(basket_count) >= (select least_count from total)
  ),
  pairs as (
    select product_key as ka, related_key as kb, sum(basket_count)::int as c from insights_co_purchase_month_count
    where related_key is not null and deleted_at is null
    group by product_key, related_key having sum(basket_count) >= (select least_count from total)
  )
  ${INSERT}
  ${MEASURES("order", "null")}`

/**
 * Baskets are customers: a pair counts once per customer who bought both products within
 * :window_days days of each other (in one order or in two). Purchases are taken per day; customers
 * with more than :max_customer_events product-days are left out.
 */
export const WINDOW_SCOPE_SQL = `with events as (
    select distinct p.customer_id, coalesce(p.product_id, 'sku:' || p.sku) as k, (p.placed_at at time zone 'UTC')::date as d
    ${PURCHASES}
  ),
  buyers as (
    select customer_id from events group by customer_id having count(*) <= :max_customer_events::int
  ),
  buyer_events as (
    select e.customer_id, e.k, e.d from events e join buyers b on b.customer_id = e.customer_id
  ),
  total as (
    select count(*)::float8 as n, greatest(:min_pair_count::int, ceil(:min_support::float8 * count(*)))::int as least_count from buyers
  ),
  frequent as (
    select be.k, count(distinct be.customer_id)::int as c from buyer_events be group by be.k
    having count(distinct be.customer_id) >= (select least_count from total)
  ),
  frequent_events as (
    select be.customer_id, be.k, be.d from buyer_events be join frequent f on f.k = be.k
  ),
  customer_pairs as (
    select distinct a.customer_id, a.k as ka, b.k as kb
    from frequent_events a
    join frequent_events b on b.customer_id = a.customer_id and b.k <> a.k
      and b.d between a.d - :window_days::int and a.d + :window_days::int
  ),
  pairs as (
    select cp.ka, cp.kb, count(*)::int as c from customer_pairs cp group by cp.ka, cp.kb
  )
  ${INSERT}
  ${MEASURES("window", ":window_days::int")}`

/** Changes whenever a purchase fact is added, changed or removed. */
export const PURCHASE_FACTS_FINGERPRINT_SQL = `select count(*)::text || ':' || coalesce(sum(net_quantity), 0)::text || ':' ||
    coalesce(floor(extract(epoch from max(updated_at)) * 1000)::bigint, 0)::text as fingerprint
  from purchase_fact where deleted_at is null`
