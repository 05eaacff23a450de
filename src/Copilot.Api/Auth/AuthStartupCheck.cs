using Microsoft.Extensions.Options;

namespace Copilot.Api.Auth;

/// <summary>
/// Says at start who may call, refuses a configured key named like a stored one, and refuses to start a Production service that would be open to anyone reaching its port:
/// no configured keys, no key ever stored, no single sign-on, and no explicit Auth:AllowAnonymous=true.
/// </summary>
internal sealed class AuthStartupCheck(IOptions<AuthOptions> options, StoredApiKeys stored, IHostEnvironment environment,
    ILogger<AuthStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var auth = options.Value;
        // A key configured later under a stored key's name would make two holders one caller on the audit trail.
        var clashes = await stored.TakenAsync(auth.ApiKeys.Select(k => k.Name), ct);
        if (clashes.Count > 0)
            throw new InvalidOperationException($"{AuthOptions.Section}:ApiKeys: {string.Join(", ", clashes)} is also the name of a key created "
                + "through /v1/admin/keys; names tell callers apart on the audit trail, so give the configured key another name.");
        var anyStored = await stored.AnyStoredAsync(ct);
        if (auth.Enabled || anyStored)
        {
            logger.LogInformation("Authentication on: {Configured} configured API keys, stored keys {Stored}, single sign-on {Sso}",
                auth.ApiKeys.Count, anyStored ? "yes" : "none", auth.Jwt.Enabled ? "on" : "off");
            return;
        }
        if (environment.IsProduction() && !auth.AllowAnonymous)
            throw new InvalidOperationException($"{AuthOptions.Section}: no API keys ({AuthOptions.Section}:ApiKeys, or keys created through "
                + $"/v1/admin/keys) and no single sign-on ({AuthOptions.Section}:Jwt) are configured, so anyone reaching this port would act as an "
                + $"admin. Configure an Admin key or {AuthOptions.Section}:Jwt, or set {AuthOptions.Section}:AllowAnonymous=true to run open on purpose.");
        logger.LogWarning("No API keys in {Section}:ApiKeys, none stored and no single sign-on: authentication is off and every caller acts as "
            + "any advisor and reviewer. Configure keys before anyone else can reach this port.", AuthOptions.Section);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
