using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Copilot.Storage.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ReviewSeconds",
                table: "drafts",
                type: "REAL",
                nullable: true);

            // Drafts decided before this migration: their first decision's time from the audit trail.
            migrationBuilder.Sql(@"UPDATE drafts SET ""DecidedAtUtc"" = (SELECT MIN(a.""CreatedAtUtc"") FROM audit_records a
                WHERE a.""EntityType"" = 'draft' AND a.""EntityId"" = drafts.""Id"" AND a.""Action"" IN ('approve', 'reject', 'request_changes'))");
            migrationBuilder.Sql(@"UPDATE drafts SET ""ReviewSeconds"" = (julianday(""DecidedAtUtc"") - julianday(""CreatedAtUtc"")) * 86400.0 WHERE ""DecidedAtUtc"" IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "outcome_events",
                columns: table => new
                {
                    AdvisorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DraftId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: true),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DormantAtContact = table.Column<bool>(type: "INTEGER", nullable: true),
                    AssetsAtContact = table.Column<double>(type: "REAL", nullable: true),
                    FollowUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
