/**
 * Propensity features of every customer with an order on or before `:as_of`, from the facts as
 * they stood then (nothing after `:as_of` is read, so a model trained on an old cut date never
 * sees its own future), and the label: bought one of `:targets` in (`:as_of`, `:label_until`],
 * or, for a metadata target, has the flag now. Money is summed over currencies (the model sees
 * only its logarithm). Points are the ledger's sum up to `:as_of`.
 */
export const FEATURE_NAMES = [
  "recency",
  "frequency",
  "monetary",
  "tenure",
  "recent_orders",
  "target_bought",
  "target_share",
  "target_recency",
  "related_recency",
  "related_lines",
  "points",
] as const
export type FeatureName = (typeof FEATURE_NAMES)[number]

export const FEATURES_SQL = `with base as (
    select o.customer_id, count(*) as orders, coalesce(sum(o.net_total), 0)::float8 as spent, max(o.placed_at) as last_at, min(o.placed_at) as first_at,
      count(*) filter (where o.placed_at > :as_of::timestamptz - interval '90 days') as recent_orders
    from order_fact o
    where o.deleted_at is null and o.placed_at <= :as_of::timestamptz
    group by o.customer_id
  ),
  lines as (
    select p.customer_id, count(*) as n,
      count(*) filter (where p.product_id = any(:targets::text[])) as target_lines,
      max(p.placed_at) filter (where p.product_id = any(:targets::text[])) as target_last,
      count(*) filter (where p.product_id = any(:related::text[])) as related_lines,
      max(p.placed_at) filter (where p.product_id = any(:related::text[])) as related_last
    from purchase_fact p
    where p.deleted_at is null and p.net_quantity > 0 and p.placed_at <= :as_of::timestamptz
    group by p.customer_id
  ),
  points as (
    select t.customer_id, sum(t.points)::float8 as points
    from points_transaction t
    where t.deleted_at is null and t.occurred_at <= :as_of::timestamptz
    group by t.customer_id
  )
  select b.customer_id,
    ln(1 + extract(epoch from (:as_of::timestamptz - b.last_at)) / 86400) as recency,
    ln(1 + b.orders) as frequency,
    ln(1 + greatest(b.spent, 0)) as monetary,
    ln(1 + extract(epoch from (:as_of::timestamptz - b.first_at)) / 86400) as tenure,
    ln(1 + b.recent_orders) as recent_orders,
    (coalesce(l.target_lines, 0) > 0)::int::float8 as target_bought,
    coalesce(l.target_lines::float8 / nullif(l.n, 0), 0) as target_share,
    coalesce(exp(-extract(epoch from (:as_of::timestamptz - l.target_last)) / 86400 / 90), 0) as target_recency,
    coalesce(exp(-extract(epoch from (:as_of::timestamptz - l.related_last)) / 86400 / 90), 0) as related_recency,
    ln(1 + coalesce(l.related_lines, 0)) as related_lines,
    ln(1 + greatest(coalesce(pt.points, 0), 0)) as points,
    case when :metadata_key::text is not null then
      coalesce((select (cf.metadata #>> string_to_array(:metadata_key::text, '.')) = :metadata_value::text from customer_fact cf where cf.customer_id = b.customer_id), false)
    else
      exists (select 1 from purchase_fact q where q.customer_id = b.customer_id and q.deleted_at is null and q.net_quantity > 0
        and q.product_id = any(:targets::text[]) and q.placed_at > :as_of::timestamptz and q.placed_at <= :label_until::timestamptz)
    end as label
  from base b
  left join lines l on l.customer_id = b.customer_id
  left join points pt on pt.customer_id = b.customer_id`

/**
 * AUC (Mann–Whitney, ties at their average rank) and lift in the top 10 % (positive rate of the
 * best-scored tenth over the overall rate) of scores in a temp table `scored(label, score)`.
 */
export const EVALUATION_SQL = `with ranked as (
    select label, score,
      rank() over (order by score) + (count(*) over (partition by score) - 1) / 2.0 as r,
      ntile(10) over (order by score desc) as decile
    from scored
  ),
  totals as (
    select count(*) filter (where label)::float8 as p, count(*) filter (where not label)::float8 as n,
      sum(r) filter (where label)::float8 as rank_sum,
      (count(*) filter (where label and decile = 1))::float8 / nullif(count(*) filter (where decile = 1), 0) as top_rate,
      (count(*) filter (where label))::float8 / nullif(count(*), 0) as base_rate
    from ranked
  )
  select p::int as positives, (p + n)::int as rows,
    case when p > 0 and n > 0 then (rank_sum - p * (p + 1) / 2) / (p * n) end as auc,
    case when base_rate > 0 then top_rate / base_rate end as lift_top_decile
  from totals`
