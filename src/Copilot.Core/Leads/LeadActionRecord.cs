using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Leads;

/// <summary>What the advisor last did with a lead: dismissed or done (hidden while its fingerprint stays), or snoozed until a day.</summary>
public sealed class LeadActionRecord
{
    public required string AdvisorId { get; set; }
    public required string LeadId { get; set; }
    public required string ClientId { get; set; }
    public required string Kind { get; set; }
    /// <summary>dismissed, snoozed or done.</summary>
    public required string Action { get; set; }
    public required string Fingerprint { get; set; }
    public DateOnly? Until { get; set; }
    public required string Actor { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class LeadActionRecordConfiguration : IEntityTypeConfiguration<LeadActionRecord>
{
    public void Configure(EntityTypeBuilder<LeadActionRecord> action)
    {
        action.ToTable("lead_actions");
        action.HasKey(a => new { a.AdvisorId, a.LeadId });
        action.Property(a => a.AdvisorId).HasMaxLength(64);
        // "ld_" + base64 of the kind and a client id of up to 64 characters (up to 192 bytes in UTF-8).
        action.Property(a => a.LeadId).HasMaxLength(300);
        action.Property(a => a.ClientId).HasMaxLength(64);
        action.Property(a => a.Kind).HasMaxLength(32);
        action.Property(a => a.Action).HasMaxLength(16);
        action.Property(a => a.Fingerprint).HasMaxLength(64);
        action.Property(a => a.Actor).HasMaxLength(256);
    }
}
