using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Llm;

/// <summary>One model call's reported token usage: what it was for, for which advisor, on whose key.</summary>
public sealed class ModelUsageRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Purpose { get; set; }
    public required string Model { get; set; }
    public string? AdvisorId { get; set; }
    public string? Caller { get; set; }
    /// <summary>The campaign whose draft made the call, so a campaign reports the tokens it really used.</summary>
    public string? CampaignId { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
}

internal sealed class ModelUsageConfiguration : IEntityTypeConfiguration<ModelUsageRecord>
{
    public void Configure(EntityTypeBuilder<ModelUsageRecord> usage)
    {
        usage.ToTable("model_usage");
        usage.HasKey(u => u.Id);
        usage.Property(u => u.Purpose).HasMaxLength(16);
        usage.Property(u => u.Model).HasMaxLength(128);
        usage.Property(u => u.AdvisorId).HasMaxLength(64);
        usage.Property(u => u.Caller).HasMaxLength(128);
        usage.Property(u => u.CampaignId).HasMaxLength(40);
        usage.HasIndex(u => u.CampaignId);
        // The budget sums an advisor's usage since midnight on every model-backed request.
        usage.HasIndex(u => new { u.AdvisorId, u.AtUtc });
    }
}
