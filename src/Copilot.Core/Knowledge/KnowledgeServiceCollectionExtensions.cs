using Copilot.Knowledge.Chunking;
using Copilot.Knowledge.Dictionary;
using Copilot.Knowledge.Extraction;
using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Lucene;
using Copilot.Knowledge.Index.Qdrant;
using Copilot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Copilot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge pipeline: extraction, chunking, the configured index, search, and first-start seeding.</summary>
    public static IHostApplicationBuilder AddCopilotKnowledge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DomainDictionaryCache>();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>, DomainDictionaryValidation>();
        services.AddSingleton(sp => sp.GetRequiredService<DomainDictionaryCache>().Get(
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveDictionaryFolder()));
        services.AddOptions<ExtractionOptions>().BindConfiguration(ExtractionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QdrantOptions>().BindConfiguration(QdrantOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var kind = builder.Configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>()?.Index ?? KnowledgeIndexKind.Lucene;
        if (kind == KnowledgeIndexKind.Qdrant)
            services.AddQdrantKnowledgeIndex();
        else
            services.AddSingleton<IKnowledgeIndex>(sp => new LuceneKnowledgeIndex(
                Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataPath(), "index"),
                sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.CandidatePool,
                sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxQueryTerms));

        services.AddSingleton(TokenCounter.Shared);
        // Knowledge changes are audited; the trail is shared with the drafts'.
        services.TryAddSingleton<Copilot.Audit.AuditTrail>();
        services.TryAddSingleton<Copilot.Audit.AuditedWork>();
        services.AddSingleton<KnowledgeCatalog>();
        services.AddSingleton<KnowledgeIngestion>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddSingleton<KnowledgeSeeder>();
        services.AddSingleton<KnowledgeReadiness>();
        services.AddHostedService<KnowledgeSeedService>();
        return builder;
    }
}
