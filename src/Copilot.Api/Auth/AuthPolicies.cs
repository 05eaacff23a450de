using Microsoft.AspNetCore.Authentication;
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

    /// <summary>Upload, replace and delete knowledge.</summary>
    public const string ManageKnowledge = nameof(ManageKnowledge);

    private static readonly Dictionary<string, CallerRole[]> Roles = new()
    {
        [AnyCaller] = Enum.GetValues<CallerRole>(),
        [Drafting] = [CallerRole.Advisor, CallerRole.Crm],
        [ReadDrafts] = [CallerRole.Advisor, CallerRole.Crm, CallerRole.Compliance],
        [Review] = [CallerRole.Compliance],
        [Crm] = [CallerRole.Crm],
        [ManageKnowledge] = [CallerRole.Content],
    };

    public static WebApplicationBuilder AddCopilotAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicies();
        return builder;
    }

    public static WebApplication UseCopilotAuth(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!auth.Enabled)
            app.Logger.LogWarning("No API keys in {Section}:ApiKeys: authentication is off and every caller acts as any advisor and reviewer. "
                + "Configure keys before anyone else can reach this port.", AuthOptions.Section);
        else
            app.Logger.LogInformation("Authentication on: {Count} API keys", auth.ApiKeys.Count);
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
        // An endpoint that names no policy still needs a known caller; the open ones say AllowAnonymous.
        return builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
