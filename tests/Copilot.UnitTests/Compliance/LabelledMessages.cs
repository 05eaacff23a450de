using System.Text.Json;
using Copilot.Compliance;

namespace Copilot.UnitTests.Compliance;

/// <summary>One advisor message of the labelled set, with the rule ids it breaks (none for a clean message).</summary>
internal sealed record LabelledMessage(
    string Id, string Language, string? Channel, string Text, IReadOnlyList<string> Expected,
    ClientProfile? Client, IReadOnlyList<ProductRef>? Products, string? Note)
{
    public bool IsClean => Expected.Count == 0;

    public ComplianceCheckRequest ToRequest() => new(Text, Language, Channel, Client, Products);
}

/// <summary>
/// The labelled sets in Compliance/Data, read from the repository: the main set (written before the rules were tuned) and a
/// held-out set written after tuning, which the rules were not tuned on.
/// </summary>
internal static class LabelledMessages
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Copilot.UnitTests", "Compliance", "Data");

    public static IReadOnlyList<LabelledMessage> All { get; } = Load("compliance-messages.json");

    public static IReadOnlyList<LabelledMessage> HeldOut { get; } = Load("compliance-messages-holdout.json");

    /// <summary>The blind test set (Data/blind, see its PROVENANCE.md): written by someone who saw only the rules' titles and sources.</summary>
    public static IReadOnlyList<LabelledMessage> Blind { get; } = Load(Path.Combine("blind", "compliance-blind.json"));

    /// <summary>The second blind set (Data/blind-2, see its PROVENANCE.md): the test part since the first one guided the lexicon.</summary>
    public static IReadOnlyList<LabelledMessage> SecondBlind { get; } = Load(Path.Combine("blind-2", "compliance-blind-2.json"));

    /// <summary>The third blind set (Data/blind-3, see its PROVENANCE.md): the test part since the second one guided the lexicon.</summary>
    public static IReadOnlyList<LabelledMessage> ThirdBlind { get; } = Load(Path.Combine("blind-3", "compliance-blind-3.json"));

    private static List<LabelledMessage> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return document.RootElement.GetProperty("messages").Deserialize<List<LabelledMessage>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
