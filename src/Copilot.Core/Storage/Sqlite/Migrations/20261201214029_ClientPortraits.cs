using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Copilot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClientPortraits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ClientLowestClass",
                table: "drafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClientRiskAssessmentExpiry",
                table: "drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AccountOpenedOn",
                table: "clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "clients",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppActiveDays30d",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AssetChange30d",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BirthdayMonth",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BondWeight",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Branch",
                table: "clients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CashRatio",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Complaints12m",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ContactConsent",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentSha256",
                table: "clients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EquityWeight",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FundWeight",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastLoginOn",
                table: "clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastTradeOn",
                table: "clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LowestClass",
                table: "clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MarginAccount",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MaxDrawdown",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MoneyMarketWeight",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Pnl30d",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PnlYtd",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredChannel",
                table: "clients",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RiskAssessedOn",
                table: "clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RiskAssessmentExpiry",
                table: "clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TopHoldingConcentration",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TotalAssets",
                table: "clients",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Trades30d",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Trades90d",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_clients_AdvisorId_Name",
                table: "clients",
                columns: new[] { "AdvisorId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_clients_AdvisorId_Name",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "ClientLowestClass",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "ClientRiskAssessmentExpiry",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "AccountOpenedOn",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "AppActiveDays30d",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "AssetChange30d",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "BirthdayMonth",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "BondWeight",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "Branch",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "CashRatio",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "Complaints12m",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "ContactConsent",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "ContentSha256",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "EquityWeight",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "FundWeight",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "LastLoginOn",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "LastTradeOn",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "LowestClass",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "MarginAccount",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "MaxDrawdown",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "MoneyMarketWeight",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "Pnl30d",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "PnlYtd",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "PreferredChannel",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "RiskAssessedOn",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "RiskAssessmentExpiry",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "TopHoldingConcentration",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "TotalAssets",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "Trades30d",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "Trades90d",
                table: "clients");
        }
    }
}
