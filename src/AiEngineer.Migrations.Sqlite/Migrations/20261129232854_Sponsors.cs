using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiEngineer.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SponsorLogos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SponsorTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PriceMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Slots = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    Benefits = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IncludedTickets = table.Column<int>(type: "INTEGER", nullable: false),
                    IncludedTicketTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    TierId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BillingAddress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VatId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SlotHeld = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HoldExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OrganizerNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    LogoId = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingLogoId = table.Column<int>(type: "INTEGER", nullable: true),
                    TicketVoucherId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
