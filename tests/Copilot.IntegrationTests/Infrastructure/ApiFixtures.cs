namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>One running service shared by the tests of a class, so the corpus is ingested once, not per test.</summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public CopilotApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    protected abstract CopilotApiFactory CreateFactory();

    protected virtual Task SetUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Factory = CreateFactory();
        Client = await Factory.CreateReadyClientAsync();
        await SetUpAsync();
    }

    public virtual Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Template mode with the sample corpus ingested at first start.</summary>
public sealed class SeededTemplateApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode();
}

/// <summary>Template mode with only the three laws ingested.</summary>
public sealed class LawsTemplateApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false);

    protected override Task SetUpAsync() => CopilotApiFactory.UploadLawsAsync(Client);
}

/// <summary>An empty knowledge base with a 4 KB upload limit.</summary>
public sealed class SmallUploadApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false,
        extra: new Dictionary<string, string?> { ["Knowledge:MaxUploadBytes"] = "4096" });
}

/// <summary>Template mode with the sample corpus and the three laws: the retrieval evaluation's knowledge base.</summary>
public sealed class LawsAndCorpusApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode();

    protected override Task SetUpAsync() => CopilotApiFactory.UploadLawsAsync(Client);
}
