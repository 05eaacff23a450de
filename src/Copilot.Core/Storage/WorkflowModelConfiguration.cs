using Copilot.Advisors;
using Copilot.Audit;
using Copilot.Drafting;
using Copilot.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Storage;

internal sealed class AdvisorConfiguration : IEntityTypeConfiguration<Advisor>
{
    public void Configure(EntityTypeBuilder<Advisor> advisor)
    {
        advisor.ToTable("advisors");
        advisor.HasKey(a => a.Id);
        advisor.Property(a => a.Id).HasMaxLength(64);
        advisor.Property(a => a.RegistrationNumber).HasMaxLength(32);
    }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> draft)
    {
        draft.ToTable("drafts");
        draft.HasKey(d => d.Id);
        draft.Property(d => d.Id).HasMaxLength(40);
        draft.Property(d => d.AdvisorId).HasMaxLength(64);
        draft.Property(d => d.ClientId).HasMaxLength(64);
        draft.Property(d => d.Status).HasConversion<string>().HasMaxLength(24);
        draft.Property(d => d.CreatedBy).HasMaxLength(256);
        draft.Property(d => d.RulesVersion).HasMaxLength(200);
        draft.Property(d => d.OverrideReason).HasMaxLength(2000);
        draft.Property(d => d.Version).IsConcurrencyToken();
        draft.HasIndex(d => new { d.Status, d.CreatedAtUtc });
        draft.HasIndex(d => new { d.AdvisorId, d.CreatedAtUtc });
        draft.Property(d => d.CampaignId).HasMaxLength(40);
        // A campaign drafts each of its clients once, whichever host or retry writes first; plain drafts (null) are not limited.
        draft.HasIndex(d => new { d.CampaignId, d.ClientId }).IsUnique();
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> audit)
    {
        audit.ToTable("audit_records");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.PreviousHash).HasMaxLength(64);
        audit.Property(a => a.Hash).HasMaxLength(64);
        audit.Property(a => a.RulesVersion).HasMaxLength(200);
        // One successor per entry: two writers appending at once cannot fork the chain; the loser retries.
        audit.HasIndex(a => a.PreviousHash).IsUnique();
        audit.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_records");
        record.HasKey(r => new { r.Scope, r.Key });
        record.Property(r => r.Scope).HasMaxLength(100);
        record.Property(r => r.Key).HasMaxLength(128);
        record.Property(r => r.RequestSha256).HasMaxLength(64);
    }
}
