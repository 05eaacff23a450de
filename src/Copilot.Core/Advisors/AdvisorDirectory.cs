using System.Text.RegularExpressions;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Advisors;

/// <summary>Advisor records: who may draft, and the identity every client message carries.</summary>
public sealed partial class AdvisorDirectory(IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit, TimeProvider time)
{
    /// <summary>The audit trail's entity type for advisor records.</summary>
    public const string EntityType = "advisor";

    /// <summary>Who the audit trail names for advisors the service seeds from its configuration.</summary>
    public const string SeedActor = "system:seed";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AdvisorId();

    // 执业编号: a letter and 13 digits, e.g. S0000000000000.
    [GeneratedRegex("^[A-Z][0-9]{13}$")]
    private static partial Regex RegistrationNumber();

    public async Task<Advisor?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Advisors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>Creates or replaces an advisor, audited in the same unit of work; returns true when it was created.</summary>
    /// <param name="actor">The key or person making the change, for the audit trail.</param>
    public async Task<bool> UpsertAsync(AdvisorSeed input, string actor, CancellationToken ct)
    {
        Validate(input);
        return await work.RunAsync(async db =>
        {
            var existing = await db.Advisors.FindAsync([input.Id], ct);
            var before = existing is null ? null : Identity(existing);
            var advisor = existing ?? new Advisor { Id = input.Id, Name = "", RegistrationNumber = "", Firm = "" };
            advisor.Name = input.Name.Trim();
            advisor.RegistrationNumber = input.RegistrationNumber.Trim();
            advisor.Branch = string.IsNullOrWhiteSpace(input.Branch) ? null : input.Branch.Trim();
            advisor.Firm = input.Firm.Trim();
            advisor.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            if (existing is null) db.Advisors.Add(advisor);
            // Before and after of what every footer prints: name, registration number (执业编号), branch, firm.
            await audit.AppendAsync(db, EntityType, advisor.Id, existing is null ? "created" : "updated", actor,
                new { advisorId = advisor.Id, before, after = Identity(advisor) }, ct);
            return existing is null;
        }, ct);
    }

    private static object Identity(Advisor advisor) => new { advisor.Name, advisor.RegistrationNumber, advisor.Branch, advisor.Firm };

    public static void Validate(AdvisorSeed input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AdvisorId().IsMatch(input.Id ?? "")) errors["id"] = ["Use 1–64 letters, digits, '.', '_' or '-'."];
        // Name and firm go into every message's footer, which must leave an SMS room for the message itself.
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 32) errors["name"] = ["The advisor's name is required, up to 32 characters."];
        if (!RegistrationNumber().IsMatch(input.RegistrationNumber?.Trim() ?? ""))
            errors["registrationNumber"] = ["Use the 执业编号 as registered: one capital letter and 13 digits, e.g. S0000000000000."];
        if (string.IsNullOrWhiteSpace(input.Firm) || input.Firm.Length > 40) errors["firm"] = ["The firm's name is required, up to 40 characters."];
        if (input.Branch is { Length: > 64 }) errors["branch"] = ["Up to 64 characters."];
        if (errors.Count > 0) throw new InputValidationException(errors);
    }
}
