import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201214045 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_campaign_recipient_campaign_id_status_language";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_campaign_id_status_language_id" ON "campaign_recipient" ("campaign_id", "status", "language", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_campaign_recipient_campaign_id_status_language_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_campaign_id_status_language" ON "campaign_recipient" ("campaign_id", "status", "language");`);
  }

}
