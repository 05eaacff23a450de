using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Limits;

/// <summary>Template mode on the embedded defaults (the limits as shipped), nothing seeded.</summary>
public sealed class LimitsApi : ApiFixture
{
    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.TemplateMode(seed: false);
}
