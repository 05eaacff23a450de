using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Copilot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewAuditOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "drafts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "drafts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RulesVersion",
                table: "drafts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "conversations",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RulesVersion",
                table: "audit_records",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "RulesVersion",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "RulesVersion",
                table: "audit_records");
        }
    }
}
