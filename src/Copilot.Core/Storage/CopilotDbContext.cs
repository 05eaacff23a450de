using Copilot.Advisors;
using Copilot.ApiKeys;
using Copilot.Audit;
using Copilot.Campaigns;
using Copilot.Chat;
using Copilot.Clients;
using Copilot.Drafting;
using Copilot.Idempotency;
using Copilot.Knowledge;
using Copilot.Llm;
using Copilot.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Storage;

/// <summary>
/// The service's records. One model for every provider; each provider has its own subclass only so that
/// its migrations live apart (SQLite and PostgreSQL need different column types).
/// </summary>
public abstract class CopilotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<KnowledgeDocumentRecord> Documents => Set<KnowledgeDocumentRecord>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<Advisor> Advisors => Set<Advisor>();
    public DbSet<ClientRecord> Clients => Set<ClientRecord>();
    public DbSet<Copilot.Clients.Tags.ClientTagRecord> ClientTags => Set<Copilot.Clients.Tags.ClientTagRecord>();
    public DbSet<Copilot.Clients.Segments.SegmentRecord> Segments => Set<Copilot.Clients.Segments.SegmentRecord>();
    public DbSet<Copilot.Leads.LeadActionRecord> LeadActions => Set<Copilot.Leads.LeadActionRecord>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<StoredApiKey> StoredApiKeys => Set<StoredApiKey>();
    public DbSet<ModelUsageRecord> ModelUsage => Set<ModelUsageRecord>();
    public DbSet<OutcomeEvent> OutcomeEvents => Set<OutcomeEvent>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignItem> CampaignItems => Set<CampaignItem>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<KnowledgeDocumentRecord>(document =>
        {
            document.ToTable("knowledge_documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).HasMaxLength(128);
            document.Property(d => d.Title).HasMaxLength(512);
            document.Property(d => d.Type).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Audience).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Language).HasMaxLength(16);
            document.Property(d => d.ContentSha256).HasMaxLength(64);
            document.HasIndex(d => d.Type);
        });
        model.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("conversations");
            conversation.HasKey(c => c.Id);
            conversation.Property(c => c.Id).HasMaxLength(64);
            conversation.Property(c => c.AdvisorId).HasMaxLength(64);
            conversation.Property(c => c.Owner).HasMaxLength(256);
            conversation.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ConversationMessage>(message =>
        {
            message.ToTable("conversation_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Role).HasMaxLength(16);
            message.Property(m => m.Generator).HasMaxLength(128);
            message.HasIndex(m => new { m.ConversationId, m.Id });
        });
        model.ApplyConfiguration(new ModelUsageConfiguration());
        model.ApplyConfiguration(new ClientRecordConfiguration());
        model.ApplyConfiguration(new OutcomeEventConfiguration());
        model.ApplyConfiguration(new CampaignConfiguration());
        model.ApplyConfiguration(new CampaignItemConfiguration());
        model.ApplyConfiguration(new Copilot.Clients.Tags.ClientTagRecordConfiguration());
        model.ApplyConfiguration(new Copilot.Clients.Segments.SegmentRecordConfiguration());
        model.ApplyConfiguration(new Copilot.Leads.LeadActionRecordConfiguration());
        model.ApplyConfigurationsFromAssembly(typeof(CopilotDbContext).Assembly, type => type.Namespace == typeof(CopilotDbContext).Namespace);
    }
}
