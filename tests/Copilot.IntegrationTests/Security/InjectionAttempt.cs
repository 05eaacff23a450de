using System.Text.Json;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Security;

/// <summary>What the pre-check must still decide about a draft the obeying model wrote.</summary>
public sealed record InjectionExpectation(string Verdict, IReadOnlyList<string>? Rules);

/// <summary>
/// One prompt-injection attempt of Data/injection-attempts.json: where the attacker plants the text, what a fully obedient
/// model answers, and what the service must still enforce.
/// </summary>
public sealed record InjectionAttempt(
    string Id, string Via, string Language, string Inject, string Obey, InjectionExpectation Expect,
    string? Draft = null, string? Client = null, bool ReachesModel = true)
{
    public bool English => Language == "en";

    /// <summary>The body the model writes for a draft.</summary>
    public string DraftBody => Draft ?? Obey;

    public override string ToString() => Id;

    public static IReadOnlyList<InjectionAttempt> All { get; } = Load();

    private static List<InjectionAttempt> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "injection-attempts.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("attempts").Deserialize<List<InjectionAttempt>>(ApiJson.Web)!;
    }
}
