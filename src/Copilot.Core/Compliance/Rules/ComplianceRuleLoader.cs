using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Copilot.Compliance.Text;

namespace Copilot.Compliance.Rules;

/// <summary>Reads knowledge/rules/*.json and fails loudly, naming the file and rule, on anything it cannot use.</summary>
internal static class ComplianceRuleLoader
{
    public const int Schema = 1;

    private static readonly HashSet<string> Severities = [FindingSeverity.Block, FindingSeverity.Warn];
    private static readonly HashSet<string> KnownLanguages = ["zh", "en"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ComplianceRuleSet Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new ComplianceRulesException($"The compliance rules folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new ComplianceRulesException($"The compliance rules folder '{folder}' holds no *.json rule files.");

        var rules = new List<ComplianceRule>();
        var languages = new Dictionary<string, LanguageProfile>(StringComparer.Ordinal);
        var concepts = new ConceptLexicon();
        var documents = new List<(string Name, RuleFileDocument Document)>();
        using var version = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(folder, file);
            var bytes = File.ReadAllBytes(file);
            // The version covers each file's name and exact bytes, so any edit, rename, addition or removal changes it.
            version.AppendData(Encoding.UTF8.GetBytes(name.Replace('\\', '/') + "\0"));
            version.AppendData(bytes);
            version.AppendData("\0"u8);
            var document = Read(bytes, name);
            documents.Add((name, document));
            foreach (var (key, definition) in document.Languages ?? [])
            {
                if (!KnownLanguages.Contains(key))
                    throw new ComplianceRulesException($"{name}: language '{key}' is not one of: {string.Join(", ", KnownLanguages)}.");
                if (!languages.TryAdd(key, LanguageProfile.Create(key, definition, $"{name}: language '{key}'")))
                    throw new ComplianceRulesException($"{name}: language '{key}' is defined in more than one file.");
            }
            foreach (var (key, definition) in document.Concepts ?? []) concepts.Add(key, definition, name);
        }

        // Rules compile after every file is read: a rule may name a concept another file defines.
        foreach (var (name, document) in documents)
            foreach (var definition in document.Rules ?? [])
            {
                var rule = RuleCompiler.Compile(definition, name, concepts);
                if (rules.Any(r => string.Equals(r.Id, rule.Id, StringComparison.OrdinalIgnoreCase)))
                    throw new ComplianceRulesException($"{name}: rule id '{rule.Id}' is defined twice.");
                rules.Add(rule);
            }

        if (rules.Count == 0)
            throw new ComplianceRulesException($"The compliance rules folder '{folder}' defines no rules.");
        var missing = rules.SelectMany(r => r.Languages).Distinct().Where(l => !languages.ContainsKey(l)).ToList();
        if (missing.Count > 0)
            throw new ComplianceRulesException($"No language cues (negation, clauses) for {string.Join(", ", missing)}; add them under \"languages\" in a rule file.");
        return new ComplianceRuleSet(rules, languages, "rules:" + Convert.ToHexStringLower(version.GetHashAndReset())[..16]);
    }

    private static RuleFileDocument Read(byte[] file, string name)
    {
        RuleFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleFileDocument>(file, Json);
        }
        catch (JsonException e)
        {
            throw new ComplianceRulesException($"{name}: not a valid rule file: {e.Message}", e);
        }
        if (document is null) throw new ComplianceRulesException($"{name}: the file is empty.");
        if (document.Schema != Schema) throw new ComplianceRulesException($"{name}: schema must be {Schema}, not {document.Schema}.");
        return document;
    }

    internal static bool IsSeverity(string? value) => value is not null && Severities.Contains(value);

    internal static bool IsLanguage(string? value) => value is not null && KnownLanguages.Contains(value);
}
