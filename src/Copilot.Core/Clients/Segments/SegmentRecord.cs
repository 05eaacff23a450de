using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Clients.Segments;

/// <summary>A saved segment: an advisor's named condition over tags and portrait fields, counted live whenever it is read.</summary>
public sealed class SegmentRecord
{
    public required string Id { get; set; }
    public required string AdvisorId { get; set; }
    public required string Name { get; set; }
    /// <summary>The condition as JSON (<see cref="Tags.ConditionNode"/>).</summary>
    public required string DefinitionJson { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class SegmentRecordConfiguration : IEntityTypeConfiguration<SegmentRecord>
{
    public void Configure(EntityTypeBuilder<SegmentRecord> segment)
    {
        segment.ToTable("segments");
        segment.HasKey(s => s.Id);
        segment.Property(s => s.Id).HasMaxLength(40);
        segment.Property(s => s.AdvisorId).HasMaxLength(64);
        segment.Property(s => s.Name).HasMaxLength(200);
        segment.Property(s => s.CreatedBy).HasMaxLength(256);
        segment.HasIndex(s => s.AdvisorId);
    }
}
