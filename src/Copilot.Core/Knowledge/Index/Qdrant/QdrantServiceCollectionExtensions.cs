using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Knowledge.Index.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    public static IServiceCollection AddQdrantKnowledgeIndex(this IServiceCollection services) =>
        throw new NotSupportedException("Qdrant index: in progress.");
}
