using Copilot.Knowledge.Index;
using Copilot.Knowledge.Index.Qdrant;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace Copilot.UnitTests.Qdrant;

public sealed class QdrantServiceCollectionExtensionsTests
{
    [Fact]
    public void A_missing_url_fails_at_start_naming_the_setting()
    {
        using var services = Build(url: null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Qdrant:Url", error.Message);
    }

    [Fact]
    public void A_missing_url_also_fails_when_the_index_is_resolved()
    {
        using var services = Build(url: null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IKnowledgeIndex>());

        Assert.Contains("Qdrant:Url", error.Message);
    }

    [Fact]
    public void With_a_url_the_index_and_its_client_are_singletons()
    {
        using var services = Build(url: "http://localhost:6334");

        services.GetRequiredService<IStartupValidator>().Validate();
        var index = services.GetRequiredService<IKnowledgeIndex>();

        Assert.IsType<QdrantKnowledgeIndex>(index);
        Assert.Same(index, services.GetRequiredService<IKnowledgeIndex>());
        Assert.Same(services.GetRequiredService<QdrantClient>(), services.GetRequiredService<QdrantClient>());
    }

    private static ServiceProvider Build(string? url)
    {
        var services = new ServiceCollection();
        services.AddOptions<QdrantOptions>().Configure(options => options.Url = url);
        services.AddQdrantKnowledgeIndex();
        return services.BuildServiceProvider();
    }
}
