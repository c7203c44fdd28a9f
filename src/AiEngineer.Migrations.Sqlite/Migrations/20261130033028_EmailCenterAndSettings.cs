using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiEngineer.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailCenterAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BroadcastId",
                table: "OutboundEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeOfConduct",
                table: "Conferences",
                type: "TEXT",
                maxLength: 40000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrivacyPolicy",
                table: "Conferences",
                type: "TEXT",
                maxLength: 40000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundPolicy",
                table: "Conferences",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReservationMinutes",
                table: "Conferences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LastDueAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Broadcasts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_BroadcastId",
                table: "OutboundEmails",
                column: "BroadcastId");

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_Key",
                table: "Broadcasts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailTemplates_Kind",
                table: "EmailTemplates",
                column: "Kind",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_OutboundEmails_Broadcasts_BroadcastId",
                table: "OutboundEmails",
                column: "BroadcastId",
                principalTable: "Broadcasts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The decision templates become the email templates of the kinds review.accepted, review.rejected, review.waitlisted.
            migrationBuilder.Sql("INSERT INTO \"EmailTemplates\" (\"Kind\", \"Subject\", \"Body\", \"UpdatedAt\") " +
                "SELECT 'review.' || lower(\"Kind\"), \"Subject\", \"Body\", CURRENT_TIMESTAMP FROM \"DecisionTemplates\";"); // the semicolon: NewDatabase.sql runs the migrations as one script

            migrationBuilder.DropTable(
                name: "DecisionTemplates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboundEmails_Broadcasts_BroadcastId",
                table: "OutboundEmails");

            migrationBuilder.DropTable(
                name: "Broadcasts");

            migrationBuilder.DropTable(
                name: "EmailTemplates");

            migrationBuilder.DropIndex(
                name: "IX_OutboundEmails_BroadcastId",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "BroadcastId",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "CodeOfConduct",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "PrivacyPolicy",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "RefundPolicy",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "ReservationMinutes",
                table: "Conferences");

            migrationBuilder.CreateTable(
                name: "DecisionTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ConferenceEventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionTemplates_Conferences_ConferenceEventId",
                        column: x => x.ConferenceEventId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionTemplates_ConferenceEventId_Kind",
                table: "DecisionTemplates",
                columns: new[] { "ConferenceEventId", "Kind" },
                unique: true);
        }
    }
}
