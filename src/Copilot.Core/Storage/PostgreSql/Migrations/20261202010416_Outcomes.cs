using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Copilot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Outcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAtUtc",
                table: "drafts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ReviewSeconds",
                table: "drafts",
                type: "double precision",
                nullable: true);

            // Drafts decided before this migration: their first decision's time from the audit trail.
            migrationBuilder.Sql(@"UPDATE drafts SET ""DecidedAtUtc"" = (SELECT MIN(a.""CreatedAtUtc"") FROM audit_records a
                WHERE a.""EntityType"" = 'draft' AND a.""EntityId"" = drafts.""Id"" AND a.""Action"" IN ('approve', 'reject', 'request_changes'))");
            migrationBuilder.Sql(@"UPDATE drafts SET ""ReviewSeconds"" = EXTRACT(EPOCH FROM (""DecidedAtUtc"" - ""CreatedAtUtc"")) WHERE ""DecidedAtUtc"" IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "outcome_events",
                columns: table => new
                {
                    AdvisorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DraftId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Amount = table.Column<double>(type: "double precision", nullable: true),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DormantAtContact = table.Column<bool>(type: "boolean", nullable: true),
                    AssetsAtContact = table.Column<double>(type: "double precision", nullable: true),
                    FollowUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_events", x => new { x.AdvisorId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_events_AdvisorId_ClientId_Kind_AtUtc",
                table: "outcome_events",
                columns: new[] { "AdvisorId", "ClientId", "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_events_DraftId_Kind",
                table: "outcome_events",
                columns: new[] { "DraftId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_events_Kind_AtUtc",
                table: "outcome_events",
                columns: new[] { "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_outcome_events_sent_draft",
                table: "outcome_events",
                column: "DraftId",
                unique: true,
                filter: "\"Kind\" = 'sent' AND \"DraftId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outcome_events");

            migrationBuilder.DropColumn(
                name: "DecidedAtUtc",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "ReviewSeconds",
                table: "drafts");
        }
    }
}
