using Copilot.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Storage;

internal sealed class StoredApiKeyConfiguration : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> key)
    {
        key.ToTable("stored_api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasMaxLength(40);
        key.Property(k => k.Name).HasMaxLength(64);
        key.Property(k => k.KeySha256).HasMaxLength(64);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.Role).HasMaxLength(16);
        key.Property(k => k.AdvisorId).HasMaxLength(64);
        key.Property(k => k.CreatedBy).HasMaxLength(200);
        key.Property(k => k.RevokedBy).HasMaxLength(200);
        // Every authenticated request looks its key up by hash: an index, never a scan.
        key.HasIndex(k => k.KeySha256).IsUnique();
        key.HasIndex(k => k.Name).IsUnique();
    }
}
