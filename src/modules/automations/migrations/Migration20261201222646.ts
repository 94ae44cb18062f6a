import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201222646 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "automation_step_run" drop constraint if exists "automation_step_run_journey_id_step_index_unique";`);
    this.addSql(`alter table if exists "automation_journey" drop constraint if exists "automation_journey_automation_id_entry_key_unique";`);
    this.addSql(`create table if not exists "automation" ("id" text not null, "name" text not null, "is_active" boolean not null default false, "trigger" jsonb not null, "conditions" jsonb null, "steps" jsonb not null, "exit_on_order" boolean not null default true, "reentry" text check ("reentry" in ('once', 'every_n_days')) not null default 'once', "reentry_days" integer null, "holdout_percent" integer not null default 0, "attribution_days" integer not null default 7, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "automation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_deleted_at" ON "automation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_is_active" ON "automation" ("is_active") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "automation_journey" ("id" text not null, "automation_id" text not null, "customer_id" text not null, "entry_key" text not null, "status" text check ("status" in ('active', 'completed', 'exited')) not null default 'active', "exit_reason" text null, "is_holdout" boolean not null default false, "step_index" integer not null default 0, "next_run_at" timestamptz null, "claimed_at" timestamptz null, "claim_token" text null, "attempts" integer not null default 0, "entered_at" timestamptz not null, "exit_orders_after" timestamptz not null, "ended_at" timestamptz null, "context" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "automation_journey_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_journey_deleted_at" ON "automation_journey" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_automation_journey_automation_id_entry_key_unique" ON "automation_journey" ("automation_id", "entry_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_journey_automation_id_customer_id_entered_at" ON "automation_journey" ("automation_id", "customer_id", "entered_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_journey_next_run_at" ON "automation_journey" ("next_run_at") WHERE status = 'active' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_journey_customer_id_status" ON "automation_journey" ("customer_id", "status");`);

    this.addSql(`create table if not exists "automation_step_run" ("id" text not null, "journey_id" text not null, "automation_id" text not null, "step_index" integer not null, "step_type" text not null, "outcome" text check ("outcome" in ('waited', 'done', 'held_out', 'suppressed', 'failed')) not null, "reason" text null, "detail" jsonb null, "run_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "automation_step_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_step_run_deleted_at" ON "automation_step_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_automation_step_run_journey_id_step_index_unique" ON "automation_step_run" ("journey_id", "step_index");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automation_step_run_automation_id_step_type_outcome" ON "automation_step_run" ("automation_id", "step_type", "outcome");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "automation" cascade;`);

    this.addSql(`drop table if exists "automation_journey" cascade;`);

    this.addSql(`drop table if exists "automation_step_run" cascade;`);
  }

}
