using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiEngineer.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailTemplates_Kind",
                table: "EmailTemplates");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "Tracks",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "TicketTypes",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "SponsorTiers",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "SessionFormats",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "Rooms",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Proposals",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "EmailTemplates",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "Conferences",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "CallsForPapers",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateIndex(
                name: "IX_EmailTemplates_Kind_Language",
                table: "EmailTemplates",
                columns: new[] { "Kind", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailTemplates_Kind_Language",
                table: "EmailTemplates");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "TicketTypes");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "SponsorTiers");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "SessionFormats");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "EmailTemplates");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "CallsForPapers");

            migrationBuilder.CreateIndex(
                name: "IX_EmailTemplates_Kind",
                table: "EmailTemplates",
                column: "Kind",
                unique: true);
        }
    }
}
