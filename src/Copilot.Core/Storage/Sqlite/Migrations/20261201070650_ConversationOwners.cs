using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Copilot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConversationOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdvisorId",
                table: "conversations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AdvisorId",
                table: "conversations");
        }
    }
}
