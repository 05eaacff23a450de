using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Hosting;

/// <summary>What operators and integrators look for: health probes, the OpenAPI document, the chat page.</summary>
public sealed class ServiceSurfaceTests(SeededTemplateApi api) : IClassFixture<SeededTemplateApi>
{
    [Fact]
    public async Task Health_probes_answer()
    {
        Assert.Equal("Healthy", await api.Client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await api.Client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint()
    {
        var document = await api.Client.GetObjectAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/v1/knowledge/documents", "/v1/knowledge/documents/{id}", "/v1/knowledge/search", "/v1/chat", "/v1/chat/completions" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task Scalar_reference_and_chat_page_are_served()
    {
        Assert.Contains("<html", await api.Client.GetStringAsync("/scalar"), StringComparison.OrdinalIgnoreCase);
        var page = await api.Client.GetStringAsync("/");
        Assert.Contains("Advisor Copilot", page);
    }
}
