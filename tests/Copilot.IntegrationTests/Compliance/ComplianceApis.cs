using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Compliance;

/// <summary>The service in template mode with nothing seeded: the pre-check needs only its rule files.</summary>
public sealed class ComplianceTemplateApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false);
}

/// <summary>The service over the fake OpenAI server, so the LLM judge runs after the rules.</summary>
public sealed class ComplianceModelApi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi, seed: false);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}
