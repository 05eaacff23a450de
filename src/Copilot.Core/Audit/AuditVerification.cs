namespace Copilot.Audit;

/// <summary>
/// Whether the audit chain is intact, how many entries were checked, where it first breaks, and its head: the newest
/// entry's id and hash. Recording the head elsewhere (a ticket, a WORM store) and passing it back later proves the
/// chain was not cut back, which the chain alone cannot show.
/// </summary>
public sealed record AuditVerification(bool Intact, long Entries, long? BrokenAtId, string? Reason, long? HeadId = null, string? HeadHash = null);
