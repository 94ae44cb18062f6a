import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202042648 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_campaign_recipient_batch_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_batch_id" ON "campaign_recipient" ("batch_id");`);
  }

}
