namespace Copilot.Audit;

/// <summary>Whether the audit chain is intact, how many entries were checked, and where it first breaks.</summary>
public sealed record AuditVerification(bool Intact, long Entries, long? BrokenAtId, string? Reason);
