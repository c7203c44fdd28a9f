CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "Conferences" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Conferences" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Tagline" TEXT NOT NULL,
    "VenueName" TEXT NOT NULL,
    "VenueAddress" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "TimeZoneId" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "StreamUrl" TEXT NULL,
    "StreamDetails" TEXT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "OutboundEmails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboundEmails" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "ToAddress" TEXT NOT NULL,
    "ToName" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Rooms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Rooms" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Livestreamed" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Rooms_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Tracks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tracks" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Tracks_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-checkin', 'seed-checkin', 'CheckIn', 'CHECKIN');
SELECT changes();

INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-organizer', 'seed-organizer', 'Organizer', 'ORGANIZER');
SELECT changes();

INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-reviewer', 'seed-reviewer', 'Reviewer', 'REVIEWER');
SELECT changes();


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_OutboundEmails_MessageId" ON "OutboundEmails" ("MessageId");

CREATE INDEX "IX_OutboundEmails_Status_NextAttemptAt" ON "OutboundEmails" ("Status", "NextAttemptAt");

CREATE INDEX "IX_OutboundEmails_ToAddress" ON "OutboundEmails" ("ToAddress");

CREATE INDEX "IX_Rooms_ConferenceEventId" ON "Rooms" ("ConferenceEventId");

CREATE UNIQUE INDEX "IX_Tracks_ConferenceEventId_Slug" ON "Tracks" ("ConferenceEventId", "Slug");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129220828_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "CallsForPapers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CallsForPapers" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "Guidance" TEXT NOT NULL,
    CONSTRAINT "FK_CallsForPapers_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SpeakerPhotos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpeakerPhotos" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SpeakerPhotos_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SessionFormats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SessionFormats" PRIMARY KEY AUTOINCREMENT,
    "CallForPapersId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "DurationMinutes" INTEGER NOT NULL,
    "MaxCoSpeakers" INTEGER NOT NULL,
    "IsOpen" INTEGER NOT NULL,
    "ClosesAt" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_SessionFormats_CallsForPapers_CallForPapersId" FOREIGN KEY ("CallForPapersId") REFERENCES "CallsForPapers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SpeakerProfiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpeakerProfiles" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Headline" TEXT NOT NULL,
    "Company" TEXT NOT NULL,
    "Pronouns" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "Bio" TEXT NOT NULL,
    "Website" TEXT NOT NULL,
    "GitHub" TEXT NOT NULL,
    "Social" TEXT NOT NULL,
    "LinkedIn" TEXT NOT NULL,
    "PhotoId" INTEGER NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SpeakerProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SpeakerProfiles_SpeakerPhotos_PhotoId" FOREIGN KEY ("PhotoId") REFERENCES "SpeakerPhotos" ("Id") ON DELETE SET NULL
);

CREATE TABLE "AccessCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessCodes" PRIMARY KEY AUTOINCREMENT,
    "CallForPapersId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "SessionFormatId" INTEGER NULL,
    "ValidUntil" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AccessCodes_CallsForPapers_CallForPapersId" FOREIGN KEY ("CallForPapersId") REFERENCES "CallsForPapers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AccessCodes_SessionFormats_SessionFormatId" FOREIGN KEY ("SessionFormatId") REFERENCES "SessionFormats" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Proposals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Proposals" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "SessionFormatId" INTEGER NOT NULL,
    "TrackId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "Abstract" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Notes" TEXT NOT NULL,
    "GivenBefore" INTEGER NOT NULL,
    "SlidesUrl" TEXT NOT NULL,
    "VideoUrl" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    CONSTRAINT "FK_Proposals_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Proposals_SessionFormats_SessionFormatId" FOREIGN KEY ("SessionFormatId") REFERENCES "SessionFormats" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Proposals_Tracks_TrackId" FOREIGN KEY ("TrackId") REFERENCES "Tracks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CoSpeakerInvitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CoSpeakerInvitations" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "InvitedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "AcceptedByUserId" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_CoSpeakerInvitations_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProposalSpeakers" (
    "ProposalId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "IsPrimary" INTEGER NOT NULL,
    "JoinedAt" TEXT NOT NULL,
    CONSTRAINT "PK_ProposalSpeakers" PRIMARY KEY ("ProposalId", "UserId"),
    CONSTRAINT "FK_ProposalSpeakers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProposalSpeakers_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProposalStateChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProposalStateChanges" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_ProposalStateChanges_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AccessCodes_CallForPapersId_Code" ON "AccessCodes" ("CallForPapersId", "Code");

CREATE INDEX "IX_AccessCodes_SessionFormatId" ON "AccessCodes" ("SessionFormatId");

CREATE UNIQUE INDEX "IX_CallsForPapers_ConferenceEventId" ON "CallsForPapers" ("ConferenceEventId");

CREATE INDEX "IX_CoSpeakerInvitations_ProposalId" ON "CoSpeakerInvitations" ("ProposalId");

CREATE UNIQUE INDEX "IX_CoSpeakerInvitations_TokenHash" ON "CoSpeakerInvitations" ("TokenHash");

CREATE INDEX "IX_Proposals_ConferenceEventId" ON "Proposals" ("ConferenceEventId");

CREATE UNIQUE INDEX "IX_Proposals_IdempotencyKey" ON "Proposals" ("IdempotencyKey");

CREATE INDEX "IX_Proposals_SessionFormatId" ON "Proposals" ("SessionFormatId");

CREATE INDEX "IX_Proposals_State" ON "Proposals" ("State");

CREATE INDEX "IX_Proposals_TrackId" ON "Proposals" ("TrackId");

CREATE INDEX "IX_ProposalSpeakers_UserId" ON "ProposalSpeakers" ("UserId");

CREATE INDEX "IX_ProposalStateChanges_ProposalId" ON "ProposalStateChanges" ("ProposalId");

CREATE INDEX "IX_SessionFormats_CallForPapersId" ON "SessionFormats" ("CallForPapersId");

CREATE INDEX "IX_SpeakerPhotos_UserId" ON "SpeakerPhotos" ("UserId");

CREATE INDEX "IX_SpeakerProfiles_PhotoId" ON "SpeakerProfiles" ("PhotoId");

CREATE UNIQUE INDEX "IX_SpeakerProfiles_UserId" ON "SpeakerProfiles" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129221413_Cfp', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Rooms" ADD "StreamUrl" TEXT NULL;

CREATE TABLE "ProcessedWebhookEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcessedWebhookEvents" PRIMARY KEY AUTOINCREMENT,
    "EventId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL
);

CREATE TABLE "TicketTypes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TicketTypes" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PriceMinor" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Taken" INTEGER NOT NULL,
    "Reserved" INTEGER NOT NULL,
    "SaleStartsAt" TEXT NULL,
    "SaleEndsAt" TEXT NULL,
    "MinPerOrder" INTEGER NOT NULL,
    "MaxPerOrder" INTEGER NOT NULL,
    "Hidden" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "CK_TicketTypes_Taken" CHECK ("Taken" >= 0 AND "Reserved" >= 0 AND "Taken" + "Reserved" <= "Capacity")
);

CREATE TABLE "VoidedTicketCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VoidedTicketCodes" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "TicketId" INTEGER NOT NULL,
    "VoidedAt" TEXT NOT NULL,
    "Reason" TEXT NOT NULL
);

CREATE TABLE "Vouchers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Vouchers" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "MaxUses" INTEGER NOT NULL,
    "Uses" INTEGER NOT NULL,
    "ValidFrom" TEXT NULL,
    "ValidUntil" TEXT NULL,
    "UnlocksHidden" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ReservesSeat" INTEGER NOT NULL,
    "ReservationReleased" INTEGER NOT NULL,
    CONSTRAINT "CK_Vouchers_Uses" CHECK ("Uses" >= 0 AND "Uses" <= "MaxUses")
);

CREATE TABLE "Orders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "AccessToken" TEXT NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PaymentMethod" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "BuyerName" TEXT NOT NULL,
    "BuyerEmail" TEXT NOT NULL,
    "BuyerCompany" TEXT NULL,
    "InvoiceAddress" TEXT NULL,
    "VatId" TEXT NULL,
    "Currency" TEXT NOT NULL,
    "SubtotalMinor" INTEGER NOT NULL,
    "DiscountMinor" INTEGER NOT NULL,
    "TotalMinor" INTEGER NOT NULL,
    "RefundedMinor" INTEGER NOT NULL,
    "VoucherId" INTEGER NULL,
    "VoucherUses" INTEGER NOT NULL,
    "SeatsHeld" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "HoldExpiresAt" TEXT NOT NULL,
    "InvoiceDueAt" TEXT NULL,
    "PaidAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "PaymentReference" TEXT NULL,
    CONSTRAINT "FK_Orders_Vouchers_VoucherId" FOREIGN KEY ("VoucherId") REFERENCES "Vouchers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "VoucherTicketType" (
    "VoucherId" INTEGER NOT NULL,
    "TicketTypeId" INTEGER NOT NULL,
    CONSTRAINT "PK_VoucherTicketType" PRIMARY KEY ("VoucherId", "TicketTypeId"),
    CONSTRAINT "FK_VoucherTicketType_TicketTypes_TicketTypeId" FOREIGN KEY ("TicketTypeId") REFERENCES "TicketTypes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VoucherTicketType_Vouchers_VoucherId" FOREIGN KEY ("VoucherId") REFERENCES "Vouchers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WaitlistEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WaitlistEntries" PRIMARY KEY AUTOINCREMENT,
    "TicketTypeId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "OfferedAt" TEXT NULL,
    "VoucherId" INTEGER NULL,
    CONSTRAINT "FK_WaitlistEntries_TicketTypes_TicketTypeId" FOREIGN KEY ("TicketTypeId") REFERENCES "TicketTypes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WaitlistEntries_Vouchers_VoucherId" FOREIGN KEY ("VoucherId") REFERENCES "Vouchers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "OrderEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrderEvents" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Actor" TEXT NULL,
    CONSTRAINT "FK_OrderEvents_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PaymentAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PaymentAttempts" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "SessionId" TEXT NULL,
    "CheckoutUrl" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SessionExpiresAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_PaymentAttempts_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Tickets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tickets" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "TicketTypeId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "AttendeeName" TEXT NOT NULL,
    "AttendeeEmail" TEXT NOT NULL,
    "Company" TEXT NULL,
    "JobTitle" TEXT NULL,
    "Dietary" TEXT NULL,
    "Accessibility" TEXT NULL,
    "ShirtSize" TEXT NULL,
    "PriceMinor" INTEGER NOT NULL,
    "CancelledAt" TEXT NULL,
    "CheckedInAt" TEXT NULL,
    "CheckedInBy" TEXT NULL,
    CONSTRAINT "FK_Tickets_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Tickets_TicketTypes_TicketTypeId" FOREIGN KEY ("TicketTypeId") REFERENCES "TicketTypes" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_OrderEvents_OrderId" ON "OrderEvents" ("OrderId");

CREATE INDEX "IX_Orders_BuyerEmail" ON "Orders" ("BuyerEmail");

CREATE UNIQUE INDEX "IX_Orders_Code" ON "Orders" ("Code");

CREATE UNIQUE INDEX "IX_Orders_IdempotencyKey" ON "Orders" ("IdempotencyKey");

CREATE INDEX "IX_Orders_Status_HoldExpiresAt" ON "Orders" ("Status", "HoldExpiresAt");

CREATE INDEX "IX_Orders_UserId" ON "Orders" ("UserId");

CREATE INDEX "IX_Orders_VoucherId" ON "Orders" ("VoucherId");

CREATE UNIQUE INDEX "IX_PaymentAttempts_IdempotencyKey" ON "PaymentAttempts" ("IdempotencyKey");

CREATE INDEX "IX_PaymentAttempts_OrderId" ON "PaymentAttempts" ("OrderId");

CREATE INDEX "IX_PaymentAttempts_SessionId" ON "PaymentAttempts" ("SessionId");

CREATE UNIQUE INDEX "IX_ProcessedWebhookEvents_EventId" ON "ProcessedWebhookEvents" ("EventId");

CREATE INDEX "IX_Tickets_AttendeeEmail" ON "Tickets" ("AttendeeEmail");

CREATE UNIQUE INDEX "IX_Tickets_Code" ON "Tickets" ("Code");

CREATE INDEX "IX_Tickets_OrderId" ON "Tickets" ("OrderId");

CREATE INDEX "IX_Tickets_TicketTypeId" ON "Tickets" ("TicketTypeId");

CREATE UNIQUE INDEX "IX_VoidedTicketCodes_Code" ON "VoidedTicketCodes" ("Code");

CREATE UNIQUE INDEX "IX_Vouchers_Code" ON "Vouchers" ("Code");

CREATE INDEX "IX_VoucherTicketType_TicketTypeId" ON "VoucherTicketType" ("TicketTypeId");

CREATE UNIQUE INDEX "IX_WaitlistEntries_TicketTypeId_Email" ON "WaitlistEntries" ("TicketTypeId", "Email");

CREATE INDEX "IX_WaitlistEntries_TicketTypeId_OfferedAt_Id" ON "WaitlistEntries" ("TicketTypeId", "OfferedAt", "Id");

CREATE INDEX "IX_WaitlistEntries_VoucherId" ON "WaitlistEntries" ("VoucherId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129230436_Tickets', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SponsorLogos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SponsorLogos" PRIMARY KEY AUTOINCREMENT,
    "Content" BLOB NOT NULL,
    "ContentType" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL
);

CREATE TABLE "SponsorTiers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SponsorTiers" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "PriceMinor" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Slots" INTEGER NOT NULL,
    "Taken" INTEGER NOT NULL,
    "Benefits" TEXT NOT NULL,
    "IncludedTickets" INTEGER NOT NULL,
    "IncludedTicketTypeId" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    "Open" INTEGER NOT NULL,
    CONSTRAINT "CK_SponsorTiers_Taken" CHECK ("Taken" >= 0 AND "Taken" <= "Slots"),
    CONSTRAINT "FK_SponsorTiers_TicketTypes_IncludedTicketTypeId" FOREIGN KEY ("IncludedTicketTypeId") REFERENCES "TicketTypes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Sponsorships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sponsorships" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "TierId" INTEGER NOT NULL,
    "ContactUserId" TEXT NOT NULL,
    "CompanyName" TEXT NOT NULL,
    "Website" TEXT NOT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactEmail" TEXT NOT NULL,
    "ContactPhone" TEXT NOT NULL,
    "BillingAddress" TEXT NOT NULL,
    "VatId" TEXT NULL,
    "Description" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SlotHeld" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "HoldExpiresAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionMessage" TEXT NULL,
    "PaidAt" TEXT NULL,
    "PaymentMethod" TEXT NULL,
    "OrganizerNotes" TEXT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "LogoId" INTEGER NULL,
    "PendingLogoId" INTEGER NULL,
    "TicketVoucherId" INTEGER NULL,
    CONSTRAINT "FK_Sponsorships_SponsorLogos_LogoId" FOREIGN KEY ("LogoId") REFERENCES "SponsorLogos" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Sponsorships_SponsorLogos_PendingLogoId" FOREIGN KEY ("PendingLogoId") REFERENCES "SponsorLogos" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Sponsorships_SponsorTiers_TierId" FOREIGN KEY ("TierId") REFERENCES "SponsorTiers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Sponsorships_Vouchers_TicketVoucherId" FOREIGN KEY ("TicketVoucherId") REFERENCES "Vouchers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SponsorshipEvent" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SponsorshipEvent" PRIMARY KEY AUTOINCREMENT,
    "SponsorshipId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Actor" TEXT NULL,
    CONSTRAINT "FK_SponsorshipEvent_Sponsorships_SponsorshipId" FOREIGN KEY ("SponsorshipId") REFERENCES "Sponsorships" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SponsorshipEvent_SponsorshipId" ON "SponsorshipEvent" ("SponsorshipId");

CREATE INDEX "IX_Sponsorships_ContactUserId" ON "Sponsorships" ("ContactUserId");

CREATE UNIQUE INDEX "IX_Sponsorships_IdempotencyKey" ON "Sponsorships" ("IdempotencyKey");

CREATE INDEX "IX_Sponsorships_LogoId" ON "Sponsorships" ("LogoId");

CREATE INDEX "IX_Sponsorships_PendingLogoId" ON "Sponsorships" ("PendingLogoId");

CREATE UNIQUE INDEX "IX_Sponsorships_Slug" ON "Sponsorships" ("Slug");

CREATE INDEX "IX_Sponsorships_Status_HoldExpiresAt" ON "Sponsorships" ("Status", "HoldExpiresAt");

CREATE INDEX "IX_Sponsorships_TicketVoucherId" ON "Sponsorships" ("TicketVoucherId");

CREATE INDEX "IX_Sponsorships_TierId" ON "Sponsorships" ("TierId");

CREATE INDEX "IX_SponsorTiers_IncludedTicketTypeId" ON "SponsorTiers" ("IncludedTicketTypeId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129232854_Sponsors', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ProposalStateChanges" ADD "Note" TEXT NOT NULL DEFAULT '';

CREATE TABLE "DecisionNotifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DecisionNotifications" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "ToUserId" TEXT NOT NULL,
    "ToEmail" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "SentByUserId" TEXT NULL,
    CONSTRAINT "FK_DecisionNotifications_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DecisionTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DecisionTemplates" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    CONSTRAINT "FK_DecisionTemplates_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProposalReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProposalReviews" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "ReviewerUserId" TEXT NOT NULL,
    "Comment" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProposalReviews_AspNetUsers_ReviewerUserId" FOREIGN KEY ("ReviewerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProposalReviews_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewAssignments" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "ReviewerUserId" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "AssignedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewAssignments_AspNetUsers_ReviewerUserId" FOREIGN KEY ("ReviewerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReviewAssignments_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewerProfiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewerProfiles" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Company" TEXT NOT NULL,
    "PreferredTrackIds" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewerProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewSettings" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "IsOpen" INTEGER NOT NULL,
    "OpensAt" TEXT NULL,
    "ClosesAt" TEXT NULL,
    "Anonymous" INTEGER NOT NULL,
    "ReviewersPerProposal" INTEGER NOT NULL,
    "ConfirmBy" TEXT NULL,
    CONSTRAINT "FK_ReviewSettings_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewCriteria" PRIMARY KEY AUTOINCREMENT,
    "ReviewSettingsId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_ReviewCriteria_ReviewSettings_ReviewSettingsId" FOREIGN KEY ("ReviewSettingsId") REFERENCES "ReviewSettings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewScores" PRIMARY KEY AUTOINCREMENT,
    "ProposalReviewId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    CONSTRAINT "FK_ReviewScores_ProposalReviews_ProposalReviewId" FOREIGN KEY ("ProposalReviewId") REFERENCES "ProposalReviews" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReviewScores_ReviewCriteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "ReviewCriteria" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DecisionNotifications_ProposalId" ON "DecisionNotifications" ("ProposalId");

CREATE INDEX "IX_DecisionNotifications_SentAt" ON "DecisionNotifications" ("SentAt");

CREATE UNIQUE INDEX "IX_DecisionTemplates_ConferenceEventId_Kind" ON "DecisionTemplates" ("ConferenceEventId", "Kind");

CREATE UNIQUE INDEX "IX_ProposalReviews_ProposalId_ReviewerUserId" ON "ProposalReviews" ("ProposalId", "ReviewerUserId");

CREATE INDEX "IX_ProposalReviews_ReviewerUserId" ON "ProposalReviews" ("ReviewerUserId");

CREATE UNIQUE INDEX "IX_ReviewAssignments_ProposalId_ReviewerUserId" ON "ReviewAssignments" ("ProposalId", "ReviewerUserId");

CREATE INDEX "IX_ReviewAssignments_ReviewerUserId" ON "ReviewAssignments" ("ReviewerUserId");

CREATE INDEX "IX_ReviewCriteria_ReviewSettingsId" ON "ReviewCriteria" ("ReviewSettingsId");

CREATE UNIQUE INDEX "IX_ReviewerProfiles_UserId" ON "ReviewerProfiles" ("UserId");

CREATE INDEX "IX_ReviewScores_CriterionId" ON "ReviewScores" ("CriterionId");

CREATE UNIQUE INDEX "IX_ReviewScores_ProposalReviewId_CriterionId" ON "ReviewScores" ("ProposalReviewId", "CriterionId");

CREATE UNIQUE INDEX "IX_ReviewSettings_ConferenceEventId" ON "ReviewSettings" ("ConferenceEventId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129234802_Review', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ScheduleVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScheduleVersions" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "PublishedByUserId" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "Changelog" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_ScheduleVersions_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SpeakerAvailabilities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpeakerAvailabilities" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    CONSTRAINT "FK_SpeakerAvailabilities_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TimeSlots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TimeSlots" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    CONSTRAINT "FK_TimeSlots_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScheduleItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScheduleItems" PRIMARY KEY AUTOINCREMENT,
    "ConferenceEventId" INTEGER NOT NULL,
    "TimeSlotId" INTEGER NOT NULL,
    "RoomId" INTEGER NULL,
    "ProposalId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ScheduleItems_Conferences_ConferenceEventId" FOREIGN KEY ("ConferenceEventId") REFERENCES "Conferences" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ScheduleItems_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScheduleItems_Rooms_RoomId" FOREIGN KEY ("RoomId") REFERENCES "Rooms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScheduleItems_TimeSlots_TimeSlotId" FOREIGN KEY ("TimeSlotId") REFERENCES "TimeSlots" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ScheduleItems_ConferenceEventId" ON "ScheduleItems" ("ConferenceEventId");

CREATE UNIQUE INDEX "IX_ScheduleItems_ProposalId" ON "ScheduleItems" ("ProposalId");

CREATE INDEX "IX_ScheduleItems_RoomId" ON "ScheduleItems" ("RoomId");

CREATE INDEX "IX_ScheduleItems_TimeSlotId" ON "ScheduleItems" ("TimeSlotId");

CREATE UNIQUE INDEX "IX_ScheduleVersions_ConferenceEventId_Number" ON "ScheduleVersions" ("ConferenceEventId", "Number");

CREATE INDEX "IX_SpeakerAvailabilities_UserId" ON "SpeakerAvailabilities" ("UserId");

CREATE UNIQUE INDEX "IX_TimeSlots_ConferenceEventId_StartsAt_EndsAt" ON "TimeSlots" ("ConferenceEventId", "StartsAt", "EndsAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130003556_Schedule', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Sponsorships" ADD "PaidMinor" INTEGER NULL;

ALTER TABLE "Sponsorships" ADD "PaymentReference" TEXT NULL;

CREATE TABLE "SponsorshipPaymentAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SponsorshipPaymentAttempts" PRIMARY KEY AUTOINCREMENT,
    "SponsorshipId" INTEGER NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "AmountMinor" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "SessionId" TEXT NULL,
    "CheckoutUrl" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SessionExpiresAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_SponsorshipPaymentAttempts_Sponsorships_SponsorshipId" FOREIGN KEY ("SponsorshipId") REFERENCES "Sponsorships" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_SponsorTiers_Name" ON "SponsorTiers" ("Name");

CREATE UNIQUE INDEX "IX_SponsorshipPaymentAttempts_IdempotencyKey" ON "SponsorshipPaymentAttempts" ("IdempotencyKey");

CREATE INDEX "IX_SponsorshipPaymentAttempts_SponsorshipId" ON "SponsorshipPaymentAttempts" ("SponsorshipId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130011228_SponsorPayments', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Changes" TEXT NOT NULL,
    "Path" TEXT NOT NULL
);

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_EntityType_At" ON "AuditEntries" ("EntityType", "At");

CREATE INDEX "IX_AuditEntries_UserId_At" ON "AuditEntries" ("UserId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130012320_Audit', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboundEmails" ADD "BroadcastId" INTEGER NULL;

ALTER TABLE "Conferences" ADD "CodeOfConduct" TEXT NULL;

ALTER TABLE "Conferences" ADD "PrivacyPolicy" TEXT NULL;

ALTER TABLE "Conferences" ADD "RefundPolicy" TEXT NULL;

ALTER TABLE "Conferences" ADD "ReservationMinutes" INTEGER NULL;

CREATE TABLE "Broadcasts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Broadcasts" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Segment" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "RecipientCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "LastDueAt" TEXT NOT NULL
);

CREATE TABLE "EmailTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EmailTemplates" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NULL
);

CREATE INDEX "IX_OutboundEmails_BroadcastId" ON "OutboundEmails" ("BroadcastId");

CREATE UNIQUE INDEX "IX_Broadcasts_Key" ON "Broadcasts" ("Key");

CREATE UNIQUE INDEX "IX_EmailTemplates_Kind" ON "EmailTemplates" ("Kind");

INSERT INTO "EmailTemplates" ("Kind", "Subject", "Body", "UpdatedAt") SELECT 'review.' || lower("Kind"), "Subject", "Body", CURRENT_TIMESTAMP FROM "DecisionTemplates";

DROP TABLE "DecisionTemplates";

CREATE TABLE "ef_temp_OutboundEmails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboundEmails" PRIMARY KEY AUTOINCREMENT,
    "Attempts" INTEGER NOT NULL,
    "BroadcastId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "MessageId" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "ToAddress" TEXT NOT NULL,
    "ToName" TEXT NULL,
    CONSTRAINT "FK_OutboundEmails_Broadcasts_BroadcastId" FOREIGN KEY ("BroadcastId") REFERENCES "Broadcasts" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_OutboundEmails" ("Id", "Attempts", "BroadcastId", "CreatedAt", "HtmlBody", "Kind", "LastError", "LeaseOwner", "LeaseUntil", "MessageId", "NextAttemptAt", "SentAt", "Status", "Subject", "TextBody", "ToAddress", "ToName")
SELECT "Id", "Attempts", "BroadcastId", "CreatedAt", "HtmlBody", "Kind", "LastError", "LeaseOwner", "LeaseUntil", "MessageId", "NextAttemptAt", "SentAt", "Status", "Subject", "TextBody", "ToAddress", "ToName"
FROM "OutboundEmails";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "OutboundEmails";

ALTER TABLE "ef_temp_OutboundEmails" RENAME TO "OutboundEmails";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_OutboundEmails_BroadcastId" ON "OutboundEmails" ("BroadcastId");

CREATE UNIQUE INDEX "IX_OutboundEmails_MessageId" ON "OutboundEmails" ("MessageId");

CREATE INDEX "IX_OutboundEmails_Status_NextAttemptAt" ON "OutboundEmails" ("Status", "NextAttemptAt");

CREATE INDEX "IX_OutboundEmails_ToAddress" ON "OutboundEmails" ("ToAddress");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130033028_EmailCenterAndSettings', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "Language" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202163430_AddUserLanguage', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_EmailTemplates_Kind";

ALTER TABLE "Tracks" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

ALTER TABLE "TicketTypes" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

ALTER TABLE "SponsorTiers" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

ALTER TABLE "SessionFormats" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

ALTER TABLE "Rooms" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

ALTER TABLE "Proposals" ADD "Language" TEXT NOT NULL DEFAULT 'en';

ALTER TABLE "Orders" ADD "Language" TEXT NULL;

ALTER TABLE "EmailTemplates" ADD "Language" TEXT NOT NULL DEFAULT 'en';

ALTER TABLE "Conferences" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

ALTER TABLE "CallsForPapers" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

CREATE UNIQUE INDEX "IX_EmailTemplates_Kind_Language" ON "EmailTemplates" ("Kind", "Language");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202190950_AddTranslations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ScheduleItems" ADD "Translations" TEXT NOT NULL DEFAULT ('{}');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203060354_AddScheduleItemTranslations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AgendaFeeds" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_AgendaFeeds" PRIMARY KEY,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AgendaFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SessionStars" (
    "UserId" TEXT NOT NULL,
    "ProposalId" INTEGER NOT NULL,
    "StarredAt" TEXT NOT NULL,
    "StarredStartsAt" TEXT NOT NULL,
    "StarredEndsAt" TEXT NOT NULL,
    "StarredRoom" TEXT NOT NULL,
    CONSTRAINT "PK_SessionStars" PRIMARY KEY ("UserId", "ProposalId"),
    CONSTRAINT "FK_SessionStars_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SessionStars_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AgendaFeeds_TokenHash" ON "AgendaFeeds" ("TokenHash");

CREATE INDEX "IX_SessionStars_ProposalId" ON "SessionStars" ("ProposalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203063850_AddSessionStars', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Questions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Questions" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "AskerKey" TEXT NOT NULL,
    "AskerName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AskedAt" TEXT NOT NULL,
    "Votes" INTEGER NOT NULL,
    "AnsweredAt" TEXT NULL,
    "HiddenAt" TEXT NULL,
    "HiddenByUserId" TEXT NULL
);

CREATE TABLE "QuestionVotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuestionVotes" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" INTEGER NOT NULL,
    "VoterKey" TEXT NOT NULL,
    "VotedAt" TEXT NOT NULL,
    CONSTRAINT "FK_QuestionVotes_Questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "Questions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Questions_AskerKey_AskedAt" ON "Questions" ("AskerKey", "AskedAt");

CREATE INDEX "IX_Questions_ProposalId_Votes" ON "Questions" ("ProposalId", "Votes");

CREATE UNIQUE INDEX "IX_QuestionVotes_QuestionId_VoterKey" ON "QuestionVotes" ("QuestionId", "VoterKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203073149_AddQuestions', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SessionFeedback" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SessionFeedback" PRIMARY KEY AUTOINCREMENT,
    "ProposalId" INTEGER NOT NULL,
    "HolderKey" TEXT NOT NULL,
    "Rating" INTEGER NOT NULL,
    "Comment" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SessionFeedback_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_SessionFeedback_ProposalId_HolderKey" ON "SessionFeedback" ("ProposalId", "HolderKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203085824_AddSessionFeedback', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "QueueEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QueueEntries" PRIMARY KEY AUTOINCREMENT,
    "SecretHash" BLOB NOT NULL,
    "JoinedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "AdmittedAt" TEXT NULL,
    "PassExpiresAt" TEXT NULL,
    "UsedAt" TEXT NULL,
    "UsedForOrderKey" TEXT NULL
);

CREATE TABLE "WaitingRooms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WaitingRooms" PRIMARY KEY,
    "Enabled" INTEGER NOT NULL,
    "AdmitPerMinute" INTEGER NOT NULL,
    "PassMinutes" INTEGER NOT NULL,
    "AutoQueueThreshold" INTEGER NOT NULL,
    "AutoOnUntil" TEXT NULL,
    "AdmitClock" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_QueueEntries_AdmittedAt_Id" ON "QueueEntries" ("AdmittedAt", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207140007_WaitingRoom', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SignInFailures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignInFailures" PRIMARY KEY AUTOINCREMENT,
    "Source" TEXT NOT NULL,
    "At" TEXT NOT NULL
);

CREATE INDEX "IX_SignInFailures_At" ON "SignInFailures" ("At");

CREATE INDEX "IX_SignInFailures_Source_At" ON "SignInFailures" ("Source", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207153433_SignInFailures', '10.0.15');

COMMIT;

