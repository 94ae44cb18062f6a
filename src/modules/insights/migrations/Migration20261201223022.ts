import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201223022 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "insights_propensity_score" drop constraint if exists "insights_propensity_score_model_id_customer_id_unique";`);
    this.addSql(`create table if not exists "insights_propensity_model" ("id" text not null, "name" text not null, "target" jsonb not null, "target_product_ids" text[] not null default '{}', "horizon_days" integer not null, "status" text check ("status" in ('pending', 'running', 'completed', 'failed')) not null default 'pending', "features" jsonb null, "weights" jsonb null, "train_rows" integer not null default 0, "train_positives" integer not null default 0, "holdout_rows" integer not null default 0, "holdout_positives" integer not null default 0, "auc" real null, "lift_top_decile" real null, "scored_count" integer not null default 0, "cut_at" timestamptz null, "trained_at" timestamptz null, "failure" text null, "segment_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_propensity_model_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_propensity_model_deleted_at" ON "insights_propensity_model" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "insights_propensity_score" ("id" text not null, "model_id" text not null, "customer_id" text not null, "score" real not null, "rank" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_propensity_score_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_propensity_score_deleted_at" ON "insights_propensity_score" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_insights_propensity_score_model_id_customer_id_unique" ON "insights_propensity_score" ("model_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_propensity_score_model_id_rank" ON "insights_propensity_score" ("model_id", "rank");`);

    this.addSql(`create table if not exists "insights_upgrade_path" ("id" text not null, "product_id" text not null, "variant_id" text null, "successor_product_id" text not null, "successor_variant_id" text null, "edition" text null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_upgrade_path_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_upgrade_path_deleted_at" ON "insights_upgrade_path" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_upgrade_path_product_id_variant_id" ON "insights_upgrade_path" ("product_id", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_upgrade_path_successor_product_id" ON "insights_upgrade_path" ("successor_product_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "insights_propensity_model" cascade;`);

    this.addSql(`drop table if exists "insights_propensity_score" cascade;`);

    this.addSql(`drop table if exists "insights_upgrade_path" cascade;`);
  }

}
