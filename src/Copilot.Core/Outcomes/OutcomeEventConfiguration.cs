using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Outcomes;

/// <summary>
/// The events table. Its indexes serve the dashboard: contacts in a window (kind, time), a client's trades and deposits
/// after a contact (advisor, client, kind, time), a draft's opens and replies (draft, kind). A draft is sent once: the
/// filtered unique index keeps a second "sent" for the same draft out even when two requests race.
/// </summary>
internal sealed class OutcomeEventConfiguration : IEntityTypeConfiguration<OutcomeEvent>
{
    public void Configure(EntityTypeBuilder<OutcomeEvent> e)
    {
        e.ToTable("outcome_events");
        e.HasKey(x => new { x.AdvisorId, x.Id });
        e.Property(x => x.AdvisorId).HasMaxLength(64);
        e.Property(x => x.Id).HasMaxLength(128);
        e.Property(x => x.ClientId).HasMaxLength(64);
        e.Property(x => x.DraftId).HasMaxLength(40);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.ContentSha256).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Kind, x.AtUtc });
        e.HasIndex(x => new { x.AdvisorId, x.ClientId, x.Kind, x.AtUtc });
        e.HasIndex(x => new { x.DraftId, x.Kind });
        // The same SQL on both providers: double-quoted identifiers and a string literal.
        e.HasIndex(x => x.DraftId).IsUnique().HasFilter("\"Kind\" = 'sent' AND \"DraftId\" IS NOT NULL").HasDatabaseName("IX_outcome_events_sent_draft");
    }
}
