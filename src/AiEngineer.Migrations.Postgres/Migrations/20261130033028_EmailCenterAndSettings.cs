using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AiEngineer.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "DecisionNotifications",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "DecisionNotifications",
                type: "character varying(40000)",
                maxLength: 40000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8000)",
                oldMaxLength: 8000);

            migrationBuilder.AddColumn<string>(
                name: "CodeOfConduct",
                table: "Conferences",
                type: "character varying(40000)",
                maxLength: 40000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrivacyPolicy",
                table: "Conferences",
                type: "character varying(40000)",
                maxLength: 40000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundPolicy",
                table: "Conferences",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReservationMinutes",
                table: "Conferences",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Segment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LastDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Broadcasts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                "SELECT 'review.' || lower(\"Kind\"), \"Subject\", \"Body\", CURRENT_TIMESTAMP FROM \"DecisionTemplates\"");

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

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "DecisionNotifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "DecisionNotifications",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40000)",
                oldMaxLength: 40000);

            migrationBuilder.CreateTable(
                name: "DecisionTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ConferenceEventId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
