using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Clients.Tags;

/// <summary>A tag a client holds: which rule, the values that set it when last computed, and since when it has held.</summary>
public sealed class ClientTagRecord
{
    public required string AdvisorId { get; set; }
    public required string ClientId { get; set; }
    public required string TagId { get; set; }
    /// <summary>The rule's values for this client as JSON, e.g. {"daysSinceLogin":120}.</summary>
    public required string ValuesJson { get; set; }
    /// <summary>The first as-of date the tag held on, without a break since.</summary>
    public DateOnly Since { get; set; }
    /// <summary>The as-of date the tag was last computed for.</summary>
    public DateOnly AsOf { get; set; }
}

/// <summary>The client_tags table: one row per (advisor, client, tag); an advisor's clients with a tag are one index range.</summary>
internal sealed class ClientTagRecordConfiguration : IEntityTypeConfiguration<ClientTagRecord>
{
    public void Configure(EntityTypeBuilder<ClientTagRecord> tag)
    {
        tag.ToTable("client_tags");
        tag.HasKey(t => new { t.AdvisorId, t.ClientId, t.TagId });
        tag.Property(t => t.AdvisorId).HasMaxLength(64);
        tag.Property(t => t.ClientId).HasMaxLength(64);
        tag.Property(t => t.TagId).HasMaxLength(64);
        tag.HasIndex(t => new { t.AdvisorId, t.TagId });
        tag.HasOne<ClientRecord>().WithMany().HasForeignKey(t => new { t.AdvisorId, t.ClientId }).OnDelete(DeleteBehavior.Cascade);
    }
}
