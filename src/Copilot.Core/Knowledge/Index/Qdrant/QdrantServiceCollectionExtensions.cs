using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace Copilot.Knowledge.Index.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Qdrant as the knowledge index: a client for the "Qdrant" section and the index over its collection.
    /// The caller binds <see cref="QdrantOptions"/>; this adds the checks that only matter when Qdrant is used.
    /// </summary>
    public static IServiceCollection AddQdrantKnowledgeIndex(this IServiceCollection services)
    {
        services.AddOptions<QdrantOptions>()
            .Validate(options => Uri.TryCreate(options.Url, UriKind.Absolute, out _),
                "Qdrant:Url is required when Knowledge:Index is Qdrant: set it to the gRPC endpoint, e.g. http://localhost:6334.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
            return new QdrantClient(new Uri(options.Url!), options.ApiKey, loggerFactory: sp.GetService<ILoggerFactory>());
        });
        services.AddSingleton<IKnowledgeIndex>(sp => new QdrantKnowledgeIndex(
            sp.GetRequiredService<QdrantClient>(),
            sp.GetRequiredService<IOptions<QdrantOptions>>().Value.Collection,
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.CandidatePool,
            sp.GetService<ILogger<QdrantKnowledgeIndex>>(),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxQueryTerms));
        return services;
    }
}
