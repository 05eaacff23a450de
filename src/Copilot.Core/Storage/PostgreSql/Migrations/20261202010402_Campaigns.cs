using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Copilot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "model_usage",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "drafts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AdvisorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScenarioKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ScenarioCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScenarioNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AudienceJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_items",
                columns: table => new
                {
                    CampaignId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Dispatched = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DraftId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Flagged = table.Column<bool>(type: "boolean", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DurationMs = table.Column<int>(type: "integer", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_items", x => new { x.CampaignId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_campaign_items_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_model_usage_CampaignId",
                table: "model_usage",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_drafts_CampaignId_ClientId",
                table: "drafts",
                columns: new[] { "CampaignId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_items_CampaignId_Status",
                table: "campaign_items",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_AdvisorId_CreatedAtUtc",
                table: "campaigns",
                columns: new[] { "AdvisorId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_Status",
                table: "campaigns",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_items");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropIndex(
                name: "IX_model_usage_CampaignId",
                table: "model_usage");

            migrationBuilder.DropIndex(
                name: "IX_drafts_CampaignId_ClientId",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "model_usage");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "drafts");
        }
    }
}
