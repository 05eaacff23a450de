namespace Copilot.Clients;

/// <summary>What an import did: every row read is inserted, updated, unchanged or rejected.</summary>
/// <param name="RejectedRows">The first rejected rows (up to Clients:MaxRejectedRowsListed); <paramref name="Rejected"/> counts them all.</param>
public sealed record ClientImportResult(
    string Id, int RowsRead, int Inserted, int Updated, int Unchanged, int Rejected, IReadOnlyList<RejectedRow> RejectedRows);

/// <summary>A row that was not imported: its number (the header is row 1 in CSV; lines count from 1 in JSON lines), the field and why.</summary>
public sealed record RejectedRow(int Row, string Field, string Reason);
