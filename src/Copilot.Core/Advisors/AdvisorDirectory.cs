using System.Text.RegularExpressions;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Advisors;

/// <summary>Advisor records: who may draft, and the identity every client message carries.</summary>
public sealed partial class AdvisorDirectory(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time)
{
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

    /// <summary>Creates or replaces an advisor; returns true when it was created.</summary>
    public async Task<bool> UpsertAsync(AdvisorSeed input, CancellationToken ct)
    {
        Validate(input);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.Advisors.FindAsync([input.Id], ct);
        var advisor = existing ?? new Advisor { Id = input.Id, Name = "", RegistrationNumber = "", Firm = "" };
        advisor.Name = input.Name.Trim();
        advisor.RegistrationNumber = input.RegistrationNumber.Trim();
        advisor.Branch = string.IsNullOrWhiteSpace(input.Branch) ? null : input.Branch.Trim();
        advisor.Firm = input.Firm.Trim();
        advisor.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        if (existing is null) db.Advisors.Add(advisor);
        await db.SaveChangesAsync(ct);
        return existing is null;
    }

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
