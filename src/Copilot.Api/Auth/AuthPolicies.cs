using Microsoft.AspNetCore.Authorization;
using Copilot.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Auth;

/// <summary>Which roles may call what. Every endpoint names one of these; Admin is in all of them.</summary>
public static class AuthPolicies
{
    /// <summary>Any known caller: search, read documents, chat, check a text.</summary>
    public const string AnyCaller = nameof(AnyCaller);

    /// <summary>Write drafts, revise them, read them (advisors only their own).</summary>
    public const string Drafting = nameof(Drafting);

    /// <summary>Read the review queue and drafts (advisors only their own), and their audit.</summary>
    public const string ReadDrafts = nameof(ReadDrafts);

    /// <summary>Decide on drafts and verify the audit chain.</summary>
    public const string Review = nameof(Review);

    /// <summary>The CRM's callbacks and records: sent confirmations, advisor records.</summary>
    public const string Crm = nameof(Crm);

    /// <summary>Import client portraits: the CRM for any advisor, an advisor's key for its own.</summary>
    public const string ImportClients = nameof(ImportClients);

    /// <summary>Read client portraits (an advisor's key: its own clients only).</summary>
    public const string ReadClients = nameof(ReadClients);

    /// <summary>Report outcome events: the CRM for any advisor's clients, an advisor's key for its own.</summary>
    public const string RecordOutcomes = nameof(RecordOutcomes);

    /// <summary>Read the dashboard: an advisor its own figures; the CRM and compliance every level.</summary>
    public const string ReadDashboard = nameof(ReadDashboard);
    /// <summary>Work an advisor's book: segments and service leads (an advisor's key: its own only).</summary>
    public const string ServeClients = nameof(ServeClients);

    /// <summary>Upload, replace and delete knowledge.</summary>
    public const string ManageKnowledge = nameof(ManageKnowledge);

    /// <summary>Create, list, expire and revoke API keys: Admin only.</summary>
    public const string ManageKeys = nameof(ManageKeys);

    private static readonly Dictionary<string, CallerRole[]> Roles = new()
    {
        [AnyCaller] = Enum.GetValues<CallerRole>(),
        [Drafting] = [CallerRole.Advisor, CallerRole.Crm],
        [ReadDrafts] = [CallerRole.Advisor, CallerRole.Crm, CallerRole.Compliance],
        [Review] = [CallerRole.Compliance],
        [Crm] = [CallerRole.Crm],
        [ImportClients] = [CallerRole.Advisor, CallerRole.Crm],
        [ReadClients] = [CallerRole.Advisor, CallerRole.Crm, CallerRole.Compliance],
        [RecordOutcomes] = [CallerRole.Advisor, CallerRole.Crm],
        [ReadDashboard] = [CallerRole.Advisor, CallerRole.Crm, CallerRole.Compliance],
        [ServeClients] = [CallerRole.Advisor, CallerRole.Crm],
        [ManageKnowledge] = [CallerRole.Content],
        [ManageKeys] = [],
    };

    public static WebApplicationBuilder AddCopilotAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StoredApiKeys>();
        builder.Services.AddAuthentication(SingleSignOn.SelectorScheme).AddCallerSchemes();
        builder.Services.AddAuthorizationBuilder().AddPolicies();
        // After the database migrator: whether keys were ever stored decides whether the service may run open.
        builder.Services.AddHostedService<AuthStartupCheck>();
        return builder;
    }

    public static WebApplication UseCopilotAuth(this WebApplication app)
    {
        app.UseAuthentication();
        // Between the two: the limiter knows the caller, and refused requests (401, 403) count too.
        app.UseCopilotRateLimits();
        app.UseAuthorization();
        return app;
    }

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in Roles)
            builder.AddPolicy(name, policy => policy.RequireAuthenticatedUser()
                .RequireRole(roles.Append(CallerRole.Admin).Distinct().Select(r => r.ToString())));
        // An endpoint that names no policy still needs a known caller with a role (a sign-on token may map to none);
        // the open ones say AllowAnonymous.
        return builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireRole(Enum.GetNames<CallerRole>()).Build());
    }
}
