using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Copilot.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.ToTable("campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).HasMaxLength(40);
        campaign.Property(c => c.AdvisorId).HasMaxLength(64);
        campaign.Property(c => c.ScenarioKind).HasMaxLength(32);
        campaign.Property(c => c.ScenarioCode).HasMaxLength(64);
        campaign.Property(c => c.ScenarioNotes).HasMaxLength(2000);
        campaign.Property(c => c.Channel).HasMaxLength(16);
        campaign.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        campaign.Property(c => c.CreatedBy).HasMaxLength(256);
        campaign.HasIndex(c => new { c.AdvisorId, c.CreatedAtUtc });
        // The resume job looks for running campaigns only.
        campaign.HasIndex(c => c.Status);
    }
}

internal sealed class CampaignItemConfiguration : IEntityTypeConfiguration<CampaignItem>
{
    public void Configure(EntityTypeBuilder<CampaignItem> item)
    {
        item.ToTable("campaign_items");
        item.HasKey(i => new { i.CampaignId, i.ClientId });
        item.Property(i => i.CampaignId).HasMaxLength(40);
        item.Property(i => i.ClientId).HasMaxLength(64);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        item.Property(i => i.DraftId).HasMaxLength(40);
        item.Property(i => i.Verdict).HasMaxLength(16);
        item.Property(i => i.Error).HasMaxLength(500);
        // Progress counts items by state on every poll of a running campaign.
        item.HasIndex(i => new { i.CampaignId, i.Status });
        item.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
