using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Clients;

/// <summary>The clients table: one row per (advisor, client), searchable by the advisor's list order and by name.</summary>
internal sealed class ClientRecordConfiguration : IEntityTypeConfiguration<ClientRecord>
{
    public void Configure(EntityTypeBuilder<ClientRecord> client)
    {
        client.ToTable("clients");
        client.HasKey(c => new { c.AdvisorId, c.ClientId });
        client.Property(c => c.AdvisorId).HasMaxLength(64);
        client.Property(c => c.ClientId).HasMaxLength(64);
        client.Property(c => c.Branch).HasMaxLength(64);
        client.Property(c => c.AgeBand).HasMaxLength(16);
        client.Property(c => c.RiskClass).HasMaxLength(2);
        client.Property(c => c.PreferredChannel).HasMaxLength(16);
        // Name, language and lifecycle stage keep their unbounded columns: rows from draft requests predate any bound.
        client.Property(c => c.ContentSha256).HasMaxLength(64);
        // The copilot finds a client by name among one advisor's clients.
        client.HasIndex(c => new { c.AdvisorId, c.Name });
    }
}
