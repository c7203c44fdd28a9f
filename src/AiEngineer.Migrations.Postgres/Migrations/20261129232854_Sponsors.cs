using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AiEngineer.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Sponsors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SponsorLogos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SponsorLogos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SponsorTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PriceMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Slots = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    Benefits = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IncludedTickets = table.Column<int>(type: "integer", nullable: false),
                    IncludedTicketTypeId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SponsorTiers", x => x.Id);
                    table.CheckConstraint("CK_SponsorTiers_Taken", "\"Taken\" >= 0 AND \"Taken\" <= \"Slots\"");
                    table.ForeignKey(
                        name: "FK_SponsorTiers_TicketTypes_IncludedTicketTypeId",
                        column: x => x.IncludedTicketTypeId,
                        principalTable: "TicketTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sponsorships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TierId = table.Column<int>(type: "integer", nullable: false),
                    ContactUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BillingAddress = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    VatId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SlotHeld = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HoldExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaymentMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OrganizerNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    LogoId = table.Column<int>(type: "integer", nullable: true),
                    PendingLogoId = table.Column<int>(type: "integer", nullable: true),
                    TicketVoucherId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sponsorships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sponsorships_SponsorLogos_LogoId",
                        column: x => x.LogoId,
                        principalTable: "SponsorLogos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_SponsorLogos_PendingLogoId",
                        column: x => x.PendingLogoId,
                        principalTable: "SponsorLogos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_SponsorTiers_TierId",
                        column: x => x.TierId,
                        principalTable: "SponsorTiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_Vouchers_TicketVoucherId",
                        column: x => x.TicketVoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SponsorshipEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SponsorshipId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SponsorshipEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SponsorshipEvent_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SponsorshipEvent_SponsorshipId",
                table: "SponsorshipEvent",
                column: "SponsorshipId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_ContactUserId",
                table: "Sponsorships",
                column: "ContactUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_IdempotencyKey",
                table: "Sponsorships",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_LogoId",
                table: "Sponsorships",
                column: "LogoId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_PendingLogoId",
                table: "Sponsorships",
                column: "PendingLogoId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_Slug",
                table: "Sponsorships",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_Status_HoldExpiresAt",
                table: "Sponsorships",
                columns: new[] { "Status", "HoldExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_TicketVoucherId",
                table: "Sponsorships",
                column: "TicketVoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_TierId",
                table: "Sponsorships",
                column: "TierId");

            migrationBuilder.CreateIndex(
                name: "IX_SponsorTiers_IncludedTicketTypeId",
                table: "SponsorTiers",
                column: "IncludedTicketTypeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SponsorshipEvent");

            migrationBuilder.DropTable(
                name: "Sponsorships");

            migrationBuilder.DropTable(
                name: "SponsorLogos");

            migrationBuilder.DropTable(
                name: "SponsorTiers");
        }
    }
}
