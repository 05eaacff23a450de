namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>The service over the fake OpenAI server, with the sample corpus ingested (lexical retrieval).</summary>
public class SeededModelApi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}

/// <summary>The service over the fake OpenAI server with embeddings on: hybrid retrieval, nothing seeded.</summary>
public sealed class EmbeddingModelApi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi, seed: false, embeddings: true);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}
