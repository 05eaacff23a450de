using Copilot.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Copilot.Advisors;

public static class AdvisorServiceCollectionExtensions
{
    /// <summary>Advisor records, seeded from the "Advisors" section at start.</summary>
    public static IHostApplicationBuilder AddCopilotAdvisors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdvisorOptions>().BindConfiguration(AdvisorOptions.Section)
            .Validate(options => options.Seed.All(Valid), "Advisors:Seed has an invalid advisor (id, name, registrationNumber S+13 digits, firm).")
            .ValidateOnStart();
        // Advisor changes are audited: the registration number is printed in every message's footer.
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton<AuditedWork>();
        builder.Services.AddSingleton<AdvisorDirectory>();
        builder.Services.AddHostedService<AdvisorSeeder>();
        return builder;
    }

    private static bool Valid(AdvisorSeed seed)
    {
        try
        {
            AdvisorDirectory.Validate(seed);
            return true;
        }
        catch (Common.InputValidationException)
        {
            return false;
        }
    }
}
